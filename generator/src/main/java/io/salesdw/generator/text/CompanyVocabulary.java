package io.salesdw.generator.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabulary company names are made of: brand cores, industry words per CRM industry
 * label, legal suffixes and hospital types, each with hand-written pinyin and English.
 */
public final class CompanyVocabulary {
  /** Two-character brand cores, as in most Chinese company names. */
  public static final List<NamePart> CORES =
      List.of(
          NamePart.brand("华泰", "Huatai"),
          NamePart.brand("康达", "Kangda"),
          NamePart.brand("瑞丰", "Ruifeng"),
          NamePart.brand("恒信", "Hengxin"),
          NamePart.brand("博远", "Boyuan"),
          NamePart.brand("金诚", "Jincheng"),
          NamePart.brand("天润", "Tianrun"),
          NamePart.brand("鼎盛", "Dingsheng"),
          NamePart.brand("宏图", "Hongtu"),
          NamePart.brand("明德", "Mingde"),
          NamePart.brand("嘉禾", "Jiahe"),
          NamePart.brand("中瑞", "Zhongrui"),
          NamePart.brand("安泰", "Antai"),
          NamePart.brand("永新", "Yongxin"),
          NamePart.brand("海纳", "Haina"),
          NamePart.brand("立信", "Lixin"),
          NamePart.brand("新元", "Xinyuan"),
          NamePart.brand("凯旋", "Kaixuan"),
          NamePart.brand("万邦", "Wanbang"),
          NamePart.brand("盛世", "Shengshi"),
          NamePart.brand("汇通", "Huitong"),
          NamePart.brand("东方", "Dongfang"),
          NamePart.brand("卓越", "Zhuoyue"),
          NamePart.brand("远航", "Yuanhang"),
          NamePart.brand("晨光", "Chenguang"),
          NamePart.brand("同心", "Tongxin"),
          NamePart.brand("百川", "Baichuan"),
          NamePart.brand("启明", "Qiming"),
          NamePart.brand("星辰", "Xingchen"),
          NamePart.brand("蓝海", "Lanhai"),
          NamePart.brand("智远", "Zhiyuan"),
          NamePart.brand("美雅", "Meiya"),
          NamePart.brand("康美", "Kangmei"),
          NamePart.brand("仁和", "Renhe"),
          NamePart.brand("宝丰", "Baofeng"),
          NamePart.brand("福瑞", "Furui"),
          NamePart.brand("金桥", "Jinqiao"),
          NamePart.brand("华宇", "Huayu"),
          NamePart.brand("信达", "Xinda"),
          NamePart.brand("鑫源", "Xinyuan"),
          NamePart.brand("长青", "Changqing"),
          NamePart.brand("中联", "Zhonglian"),
          NamePart.brand("鸿达", "Hongda"),
          NamePart.brand("恒润", "Hengrun"),
          NamePart.brand("志高", "Zhigao"),
          NamePart.brand("荣盛", "Rongsheng"),
          NamePart.brand("天元", "Tianyuan"),
          NamePart.brand("联创", "Lianchuang"),
          NamePart.brand("普瑞", "Purui"),
          NamePart.brand("和信", "Hexin"),
          NamePart.brand("瑞康", "Ruikang"),
          NamePart.brand("锦程", "Jincheng"),
          NamePart.brand("维康", "Weikang"),
          NamePart.brand("康宁", "Kangning"),
          NamePart.brand("金鼎", "Jinding"),
          NamePart.brand("亿达", "Yida"),
          NamePart.brand("隆昌", "Longchang"),
          NamePart.brand("祥和", "Xianghe"),
          NamePart.brand("海天", "Haitian"),
          NamePart.brand("诚信", "Chengxin"),
          NamePart.brand("优品", "Youpin"),
          NamePart.brand("佳美", "Jiamei"),
          NamePart.brand("精工", "Jinggong"),
          NamePart.brand("华信", "Huaxin"),
          NamePart.brand("科达", "Keda"),
          NamePart.brand("伟业", "Weiye"),
          NamePart.brand("益康", "Yikang"),
          NamePart.brand("兴业", "Xingye"),
          NamePart.brand("润泽", "Runze"),
          NamePart.brand("万象", "Wanxiang"),
          NamePart.brand("盈科", "Yingke"),
          NamePart.brand("博雅", "Boya"),
          NamePart.brand("诺德", "Nuode"),
          NamePart.brand("安康", "Ankang"),
          NamePart.brand("天成", "Tiancheng"),
          NamePart.brand("云帆", "Yunfan"),
          NamePart.brand("睿智", "Ruizhi"),
          NamePart.brand("青松", "Qingsong"),
          NamePart.brand("华晨", "Huachen"),
          NamePart.brand("中和", "Zhonghe"),
          NamePart.brand("德信", "Dexin"),
          NamePart.brand("汉通", "Hantong"),
          NamePart.brand("瑞景", "Ruijing"),
          NamePart.brand("宏远", "Hongyuan"));

  /** Industry words by CRM industry label. */
  public static final Map<String, List<NamePart>> INDUSTRY_WORDS =
      Map.of(
          "民营口腔",
          List.of(
              new NamePart("口腔医疗", "口腔", "Kouqiang Yiliao", "Dental Care"),
              new NamePart("齿科", "齿科", "Chike", "Dental"),
              new NamePart("口腔门诊部", "口腔", "Kouqiang Menzhenbu", "Dental Clinic"),
              new NamePart("口腔医院", "口腔", "Kouqiang Yiyuan", "Dental Hospital")),
          "快消",
          List.of(
              new NamePart("食品", "食品", "Shipin", "Foods"),
              new NamePart("饮料", "饮料", "Yinliao", "Beverage"),
              new NamePart("日化", "日化", "Rihua", "Daily Chemicals"),
              new NamePart("乳业", "乳业", "Ruye", "Dairy"),
              new NamePart("消费品", "消费", "Xiaofeipin", "Consumer Goods")),
          "SaaS",
          List.of(
              new NamePart("信息技术", "信息", "Xinxi Jishu", "Information Technology"),
              new NamePart("软件", "软件", "Ruanjian", "Software"),
              new NamePart("网络科技", "网络", "Wangluo Keji", "Network Technology"),
              new NamePart("云计算", "云", "Yunjisuan", "Cloud Computing"),
              new NamePart("数据科技", "数据", "Shuju Keji", "Data Technology")),
          "制造业",
          List.of(
              new NamePart("机械制造", "机械", "Jixie Zhizao", "Machinery Manufacturing"),
              new NamePart("精密制造", "精密", "Jingmi Zhizao", "Precision Manufacturing"),
              new NamePart("电子", "电子", "Dianzi", "Electronics"),
              new NamePart("汽车零部件", "汽配", "Qiche Lingbujian", "Auto Parts"),
              new NamePart("新材料", "材料", "Xin Cailiao", "New Materials"),
              new NamePart("医疗器械", "医疗", "Yiliao Qixie", "Medical Equipment")),
          "教育",
          List.of(
              new NamePart("教育科技", "教育", "Jiaoyu Keji", "Education Technology"),
              new NamePart("职业教育", "职教", "Zhiye Jiaoyu", "Vocational Education"),
              new NamePart("教育咨询", "教育", "Jiaoyu Zixun", "Education Consulting")),
          "零售连锁",
          List.of(
              new NamePart("商贸", "商贸", "Shangmao", "Trading"),
              new NamePart("连锁超市", "超市", "Liansuo Chaoshi", "Supermarket Chain"),
              new NamePart("便利店", "便利", "Bianlidian", "Convenience Stores"),
              new NamePart("百货", "百货", "Baihuo", "Department Store")));

  /** Legal suffixes with their usual weights (limited companies dominate). */
  public static final List<NamePart> SUFFIXES =
      List.of(
          new NamePart("有限公司", "", "Youxian Gongsi", "Co., Ltd."),
          new NamePart("股份有限公司", "", "Gufen Youxian Gongsi", "Joint Stock Co., Ltd."),
          new NamePart("集团有限公司", "", "Jituan Youxian Gongsi", "Group Co., Ltd."));

  /** Weights of {@link #SUFFIXES}. */
  private static final double[] SUFFIX_WEIGHTS = {0.78, 0.14, 0.08};

  /** Types of public hospital, each named once per city; the short form is what staff say. */
  public static final List<NamePart> HOSPITAL_TYPES =
      List.of(
          new NamePart("第一人民医院", "一院", "Diyi Renmin Yiyuan", "First People's Hospital"),
          new NamePart("第二人民医院", "二院", "Di'er Renmin Yiyuan", "Second People's Hospital"),
          new NamePart("第三人民医院", "三院", "Disan Renmin Yiyuan", "Third People's Hospital"),
          new NamePart("第四人民医院", "四院", "Disi Renmin Yiyuan", "Fourth People's Hospital"),
          new NamePart("第五人民医院", "五院", "Diwu Renmin Yiyuan", "Fifth People's Hospital"),
          new NamePart("中心医院", "中心医院", "Zhongxin Yiyuan", "Central Hospital"),
          new NamePart("人民医院", "人民医院", "Renmin Yiyuan", "People's Hospital"),
          new NamePart("中医医院", "中医院", "Zhongyi Yiyuan", "Hospital of Traditional Chinese Medicine"),
          new NamePart("妇幼保健院", "妇幼", "Fuyou Baojianyuan", "Maternal and Child Health Hospital"),
          new NamePart("儿童医院", "儿童医院", "Ertong Yiyuan", "Children's Hospital"),
          new NamePart("肿瘤医院", "肿瘤医院", "Zhongliu Yiyuan", "Cancer Hospital"),
          new NamePart("胸科医院", "胸科医院", "Xiongke Yiyuan", "Chest Hospital"),
          new NamePart("眼科医院", "眼科医院", "Yanke Yiyuan", "Eye Hospital"),
          new NamePart("骨科医院", "骨科医院", "Guke Yiyuan", "Orthopaedic Hospital"));

  /** The hospital type of brand-named hospitals (上海华泰医院), used once the public ones run out. */
  public static final NamePart BRAND_HOSPITAL = new NamePart("医院", "医院", "Yiyuan", "Hospital");

  /** The empty core of type-named hospitals. */
  public static final NamePart NO_CORE = NamePart.empty();

  private CompanyVocabulary() {}

  /** Weights of {@link #SUFFIXES} (a copy). */
  public static double[] suffixWeights() {
    return SUFFIX_WEIGHTS.clone();
  }

  /** Every word of the vocabulary, for checks (all must be GBK-encodable). */
  public static List<String> vocabulary() {
    List<String> words = new ArrayList<>();
    List<NamePart> parts = new ArrayList<>(CORES);
    INDUSTRY_WORDS.keySet().stream().sorted().forEach(key -> parts.addAll(INDUSTRY_WORDS.get(key)));
    parts.addAll(SUFFIXES);
    parts.addAll(HOSPITAL_TYPES);
    for (NamePart part : parts) {
      words.add(part.chinese());
      words.add(part.shortChinese());
      words.add(part.pinyin());
      words.add(part.english());
    }
    return List.copyOf(words);
  }
}
