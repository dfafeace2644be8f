package io.salesdw.generator.text;

import java.util.List;

/** The fixed list of cities, grouped by the sales regions the organisation uses. */
public final class Cities {
  /** Region names in the order regions are opened as the organisation grows. */
  public static final List<String> REGION_NAMES = List.of("华东", "华南", "华北", "西南", "华中", "西北", "东北");

  /** Pinyin of the region names, in the same order. */
  public static final List<String> REGION_PINYIN =
      List.of("Huadong", "Huanan", "Huabei", "Xinan", "Huazhong", "Xibei", "Dongbei");

  /** Relative size of each region's market, in the same order. */
  public static final List<Double> REGION_WEIGHTS =
      List.of(0.30, 0.21, 0.19, 0.11, 0.11, 0.04, 0.04);

  /** Every city; the first city of a region is its largest market. */
  public static final List<City> ALL =
      List.of(
          city(
              "上海",
              "Shanghai",
              "华东",
              "021",
              "310000",
              31.2304,
              121.4737,
              "浦东新区",
              "徐汇区",
              "闵行区",
              "静安区",
              "长宁区"),
          city(
              "杭州",
              "Hangzhou",
              "华东",
              "0571",
              "330100",
              30.2741,
              120.1551,
              "西湖区",
              "滨江区",
              "余杭区",
              "拱墅区"),
          city(
              "南京", "Nanjing", "华东", "025", "320100", 32.0603, 118.7969, "鼓楼区", "玄武区", "江宁区",
              "建邺区"),
          city(
              "苏州", "Suzhou", "华东", "0512", "320500", 31.2989, 120.5853, "工业园区", "姑苏区", "吴中区",
              "相城区"),
          city("宁波", "Ningbo", "华东", "0574", "330200", 29.8683, 121.5440, "鄞州区", "海曙区", "江北区"),
          city("合肥", "Hefei", "华东", "0551", "340100", 31.8206, 117.2272, "蜀山区", "包河区", "庐阳区"),
          city("济南", "Jinan", "华东", "0531", "370100", 36.6512, 117.1201, "历下区", "市中区", "槐荫区"),
          city("青岛", "Qingdao", "华东", "0532", "370200", 36.0671, 120.3826, "市南区", "崂山区", "黄岛区"),
          city("福州", "Fuzhou", "华东", "0591", "350100", 26.0745, 119.2965, "鼓楼区", "台江区", "仓山区"),
          city("厦门", "Xiamen", "华东", "0592", "350200", 24.4798, 118.0894, "思明区", "湖里区", "集美区"),
          city(
              "广州",
              "Guangzhou",
              "华南",
              "020",
              "440100",
              23.1291,
              113.2644,
              "天河区",
              "越秀区",
              "海珠区",
              "番禺区",
              "白云区"),
          city(
              "深圳",
              "Shenzhen",
              "华南",
              "0755",
              "440300",
              22.5431,
              114.0579,
              "南山区",
              "福田区",
              "罗湖区",
              "宝安区",
              "龙岗区"),
          city("东莞", "Dongguan", "华南", "0769", "441900", 23.0205, 113.7518, "南城区", "东城区", "松山湖"),
          city("佛山", "Foshan", "华南", "0757", "440600", 23.0215, 113.1214, "禅城区", "南海区", "顺德区"),
          city("南宁", "Nanning", "华南", "0771", "450100", 22.8170, 108.3665, "青秀区", "兴宁区", "西乡塘区"),
          city("海口", "Haikou", "华南", "0898", "460100", 20.0440, 110.1999, "龙华区", "美兰区"),
          city(
              "北京", "Beijing", "华北", "010", "110000", 39.9042, 116.4074, "海淀区", "朝阳区", "东城区", "西城区",
              "丰台区"),
          city(
              "天津", "Tianjin", "华北", "022", "120000", 39.3434, 117.3616, "和平区", "南开区", "河西区",
              "滨海新区"),
          city(
              "石家庄",
              "Shijiazhuang",
              "华北",
              "0311",
              "130100",
              38.0428,
              114.5149,
              "长安区",
              "桥西区",
              "裕华区"),
          city("太原", "Taiyuan", "华北", "0351", "140100", 37.8706, 112.5489, "小店区", "迎泽区", "杏花岭区"),
          city("呼和浩特", "Hohhot", "华北", "0471", "150100", 40.8426, 111.7492, "新城区", "赛罕区", "回民区"),
          city(
              "成都", "Chengdu", "西南", "028", "510100", 30.5728, 104.0668, "武侯区", "锦江区", "高新区",
              "青羊区"),
          city(
              "重庆",
              "Chongqing",
              "西南",
              "023",
              "500000",
              29.5630,
              106.5516,
              "渝中区",
              "江北区",
              "渝北区",
              "九龙坡区"),
          city("昆明", "Kunming", "西南", "0871", "530100", 25.0389, 102.7183, "五华区", "盘龙区", "官渡区"),
          city("贵阳", "Guiyang", "西南", "0851", "520100", 26.6470, 106.6302, "云岩区", "南明区", "观山湖区"),
          city("武汉", "Wuhan", "华中", "027", "420100", 30.5928, 114.3055, "武昌区", "江汉区", "洪山区", "汉阳区"),
          city(
              "长沙",
              "Changsha",
              "华中",
              "0731",
              "430100",
              28.2282,
              112.9388,
              "岳麓区",
              "芙蓉区",
              "天心区",
              "雨花区"),
          city("郑州", "Zhengzhou", "华中", "0371", "410100", 34.7466, 113.6254, "金水区", "二七区", "中原区"),
          city("南昌", "Nanchang", "华中", "0791", "360100", 28.6820, 115.8579, "东湖区", "西湖区", "红谷滩区"),
          city("西安", "Xi'an", "西北", "029", "610100", 34.3416, 108.9398, "雁塔区", "碑林区", "未央区", "高新区"),
          city("兰州", "Lanzhou", "西北", "0931", "620100", 36.0611, 103.8343, "城关区", "七里河区", "安宁区"),
          city("乌鲁木齐", "Urumqi", "西北", "0991", "650100", 43.8256, 87.6168, "天山区", "沙依巴克区", "新市区"),
          city("银川", "Yinchuan", "西北", "0951", "640100", 38.4872, 106.2309, "兴庆区", "金凤区", "西夏区"),
          city(
              "沈阳",
              "Shenyang",
              "东北",
              "024",
              "210100",
              41.8057,
              123.4315,
              "和平区",
              "沈河区",
              "浑南区",
              "皇姑区"),
          city(
              "大连", "Dalian", "东北", "0411", "210200", 38.9140, 121.6147, "中山区", "西岗区", "沙河口区",
              "甘井子区"),
          city("长春", "Changchun", "东北", "0431", "220100", 43.8171, 125.3235, "朝阳区", "南关区", "宽城区"),
          city(
              "哈尔滨", "Harbin", "东北", "0451", "230100", 45.8038, 126.5350, "南岗区", "道里区", "香坊区",
              "松北区"));

  /** Street names used in addresses of every city. */
  public static final List<String> ROADS =
      List.of(
          "人民路", "中山路", "解放路", "建设路", "科技园路", "长江路", "黄河路", "新华路", "和平路", "东风路", "学府路", "创业路",
          "文化路", "光明路", "世纪大道", "滨江大道", "高新大道", "工业园路", "金融街", "胜利路");

  private Cities() {}

  /** The cities of one region, in list order. */
  public static List<City> inRegion(String regionName) {
    return ALL.stream().filter(city -> city.regionName().equals(regionName)).toList();
  }

  private static City city(
      String name,
      String pinyin,
      String region,
      String areaCode,
      String divisionCode,
      double latitude,
      double longitude,
      String... districts) {
    return new City(
        name, pinyin, region, areaCode, divisionCode, latitude, longitude, List.of(districts));
  }
}
