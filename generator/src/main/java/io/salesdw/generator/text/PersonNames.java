package io.salesdw.generator.text;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Chinese surnames (the commonest, by frequency) and given-name characters, each with a
 * hand-written pinyin, from which person names are composed.
 */
public final class PersonNames {
  private static final String[][] SURNAMES = {
    {"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"},
    {"黄", "Huang"}, {"赵", "Zhao"}, {"吴", "Wu"}, {"周", "Zhou"}, {"徐", "Xu"}, {"孙", "Sun"},
    {"马", "Ma"}, {"朱", "Zhu"}, {"胡", "Hu"}, {"郭", "Guo"}, {"何", "He"}, {"高", "Gao"},
    {"林", "Lin"}, {"罗", "Luo"}, {"郑", "Zheng"}, {"梁", "Liang"}, {"谢", "Xie"}, {"宋", "Song"},
    {"唐", "Tang"}, {"许", "Xu"}, {"韩", "Han"}, {"冯", "Feng"}, {"邓", "Deng"}, {"曹", "Cao"},
    {"彭", "Peng"}, {"曾", "Zeng"}, {"肖", "Xiao"}, {"田", "Tian"}, {"董", "Dong"}, {"袁", "Yuan"},
    {"潘", "Pan"}, {"于", "Yu"}, {"蒋", "Jiang"}, {"蔡", "Cai"}, {"余", "Yu"}, {"杜", "Du"},
    {"叶", "Ye"}, {"程", "Cheng"}, {"苏", "Su"}, {"魏", "Wei"}, {"吕", "Lv"}, {"丁", "Ding"},
    {"任", "Ren"}, {"沈", "Shen"}, {"姚", "Yao"}, {"卢", "Lu"}, {"姜", "Jiang"}, {"崔", "Cui"},
    {"钟", "Zhong"}, {"谭", "Tan"}, {"陆", "Lu"}, {"汪", "Wang"}, {"范", "Fan"}, {"金", "Jin"},
    {"石", "Shi"}, {"廖", "Liao"}, {"贾", "Jia"}, {"夏", "Xia"}, {"韦", "Wei"}, {"方", "Fang"},
    {"白", "Bai"}, {"邹", "Zou"}, {"孟", "Meng"}, {"熊", "Xiong"}, {"秦", "Qin"}, {"邱", "Qiu"},
    {"江", "Jiang"}, {"尹", "Yin"}, {"薛", "Xue"}, {"段", "Duan"}, {"雷", "Lei"}, {"侯", "Hou"},
    {"龙", "Long"}, {"史", "Shi"}, {"陶", "Tao"}, {"黎", "Li"}, {"贺", "He"}, {"顾", "Gu"},
    {"毛", "Mao"}, {"郝", "Hao"}, {"龚", "Gong"}, {"邵", "Shao"}, {"万", "Wan"}, {"钱", "Qian"},
    {"严", "Yan"}, {"武", "Wu"}, {"戴", "Dai"}, {"莫", "Mo"}, {"孔", "Kong"}, {"向", "Xiang"},
    {"欧阳", "Ouyang"}, {"司马", "Sima"}
  };

  private static final String[][] GIVEN = {
    {"伟", "wei"}, {"芳", "fang"}, {"娜", "na"}, {"敏", "min"}, {"静", "jing"}, {"丽", "li"},
    {"强", "qiang"}, {"磊", "lei"}, {"军", "jun"}, {"洋", "yang"}, {"勇", "yong"}, {"艳", "yan"},
    {"杰", "jie"}, {"娟", "juan"}, {"涛", "tao"}, {"明", "ming"}, {"超", "chao"}, {"霞", "xia"},
    {"平", "ping"}, {"刚", "gang"}, {"辉", "hui"}, {"玲", "ling"}, {"桂", "gui"}, {"华", "hua"},
    {"建", "jian"}, {"国", "guo"}, {"文", "wen"}, {"斌", "bin"}, {"婷", "ting"}, {"雪", "xue"},
    {"琳", "lin"}, {"晨", "chen"}, {"宇", "yu"}, {"浩", "hao"}, {"欣", "xin"}, {"怡", "yi"},
    {"佳", "jia"}, {"子", "zi"}, {"思", "si"}, {"雨", "yu"}, {"博", "bo"}, {"凯", "kai"},
    {"鹏", "peng"}, {"飞", "fei"}, {"慧", "hui"}, {"颖", "ying"}, {"晓", "xiao"}, {"海", "hai"},
    {"波", "bo"}, {"峰", "feng"}, {"亮", "liang"}, {"嘉", "jia"}, {"俊", "jun"}, {"梅", "mei"},
    {"兰", "lan"}, {"志", "zhi"}, {"红", "hong"}, {"春", "chun"}, {"秀", "xiu"}, {"阳", "yang"},
    {"倩", "qian"}, {"然", "ran"}, {"瑞", "rui"}, {"一", "yi"}, {"天", "tian"}, {"成", "cheng"},
    {"东", "dong"}, {"林", "lin"}, {"丹", "dan"}, {"萍", "ping"}, {"鑫", "xin"}, {"昊", "hao"}
  };

  private PersonNames() {}

  /** A name: a surname by rank (common ones more often) and a one- or two-character given name. */
  public static PersonName random(SplittableRandom random) {
    // A truncated Zipf-like rank: the top surnames cover most people, as in China.
    int surname =
        (int)
            Math.min(
                SURNAMES.length - 1,
                Math.floor(Math.pow(random.nextDouble(), 2.2) * SURNAMES.length));
    String[] first = GIVEN[random.nextInt(GIVEN.length)];
    if (random.nextDouble() < 0.3) {
      return new PersonName(
          SURNAMES[surname][0], first[0], SURNAMES[surname][1], capitalise(first[1]));
    }
    String[] second = GIVEN[random.nextInt(GIVEN.length)];
    return new PersonName(
        SURNAMES[surname][0],
        first[0] + second[0],
        SURNAMES[surname][1],
        capitalise(first[1] + second[1]));
  }

  /** Every surname and given-name character, for checks of the vocabulary. */
  public static List<String> vocabulary() {
    java.util.ArrayList<String> words = new java.util.ArrayList<>();
    for (String[] entry : SURNAMES) {
      words.add(entry[0]);
      words.add(entry[1]);
    }
    for (String[] entry : GIVEN) {
      words.add(entry[0]);
      words.add(entry[1]);
    }
    return List.copyOf(words);
  }

  private static String capitalise(String pinyin) {
    return Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1);
  }
}
