package io.salesdw.generator.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lines of sales conversations on WeCom and on calls, in Chinese and English, grouped by what
 * they do: openers, information, customer questions (with ？ or 吗), decision signals, objections,
 * competitor mentions, stalls, scheduling, acknowledgements and after-sales talk. Text mining
 * downstream looks for exactly these signals.
 */
public final class ChatPhrases {
  /** Fictional competitors named in conversations. */
  public static final List<String> COMPETITORS = List.of("云启科技", "医联达", "数帆软件", "领航智能", "智联云");

  /** English spellings of {@link #COMPETITORS}, same order. */
  public static final List<String> COMPETITORS_EN =
      List.of("Yunqi Tech", "Yilianda", "Shufan Software", "Linghang AI", "Zhilian Cloud");

  /** Days and times for scheduling lines. */
  public static final List<String> DAYS =
      List.of("明天", "后天", "周一", "周二", "周三", "周四", "周五", "下周一", "下周二", "下周三");

  public static final List<String> DAYS_EN =
      List.of("tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "next week");
  public static final List<String> TIMES = List.of("上午十点", "上午九点半", "下午两点", "下午三点", "下午四点半", "中午");
  public static final List<String> TIMES_EN =
      List.of("at 10am", "at 2pm", "at 3:30pm", "in the morning", "after lunch");

  /** File names reps and customers send. */
  public static final List<String> FILE_NAMES =
      List.of(
          "产品方案v2.pptx",
          "报价单.xlsx",
          "合同草稿.docx",
          "案例介绍.pdf",
          "需求调研表.xlsx",
          "实施计划.docx",
          "Proposal_v3.pdf",
          "Quotation.xlsx",
          "现场照片.jpg",
          "培训手册.pdf",
          "技术白皮书.pdf",
          "验收报告.docx",
          "招标文件.pdf",
          "发票扫描件.pdf");

  public static final List<Template> REP_OPENERS_ZH =
      templates(
          "{customer}您好，我是瑞云科技的{rep}",
          "{customer}好，上次跟您聊的{product}方案有新进展",
          "{customer}，打扰一下，想跟您确认下{product}的需求",
          "您好{customer}，资料我整理好了",
          "{customer}早上好",
          "{customer}，方便的时候回个电话",
          "{customer}您好，昨天的会议纪要发您了",
          "{customer}，我们新出了{industry}的解决方案，想给您介绍一下");

  public static final List<Template> REP_OPENERS_EN =
      templates(
          "Hi {customer}, this is {rep} from Ruiyun Tech.",
          "Hello {customer}, following up on the {product} proposal.",
          "Good morning {customer}.",
          "Hi {customer}, I have put the materials together for you.");

  public static final List<Template> REP_INFO_ZH =
      templates(
          "我们的{product}在{industry}行业已经有不少案例",
          "这边可以先安排一次线上演示",
          "报价单我已经发您邮箱了，请查收",
          "实施周期一般是六到八周",
          "售后我们是7x24小时响应",
          "我把同类客户的案例发您看看",
          "合同模板我让法务再确认一下",
          "价格方面我再跟领导申请一下",
          "这个折扣已经是这个季度最低了",
          "试用账号已经开通了，您可以先体验",
          "我们在{city}有本地服务团队",
          "这个功能下个版本就会上线",
          "数据都是加密存储的，可以本地部署",
          "可以分两期付款");

  public static final List<Template> REP_INFO_EN =
      templates(
          "We have several {industry} customers on {product} already.",
          "I can set up an online demo first.",
          "The quotation is in your inbox.",
          "Implementation usually takes six to eight weeks.",
          "Our support team responds 24/7.",
          "Let me check the discount with my manager.");

  public static final List<Template> CUSTOMER_QUESTIONS_ZH =
      templates(
          "你们的系统能和现有系统对接吗？",
          "价格大概多少？",
          "实施周期要多久？",
          "有没有同类客户的案例？",
          "售后是怎么收费的？",
          "可以先试用一段时间吗？",
          "数据安全怎么保障？",
          "能开专票吗？",
          "培训是免费的吗？",
          "付款方式可以分期吗？",
          "多久能交付？",
          "你们在{city}有服务团队吗？",
          "这个价格含税吗？",
          "报价能不能再低一点？",
          "能和HIS系统对接吗？",
          "支持手机端吗？",
          "上线以后有人驻场吗？");

  public static final List<Template> CUSTOMER_QUESTIONS_EN =
      templates(
          "Can it integrate with our current system?",
          "What is the price range?",
          "How long does implementation take?",
          "Do you have references in our industry?",
          "Is training included?",
          "Can we try it first?",
          "Does the price include tax?");

  public static final List<Template> DECISION_SIGNALS_ZH =
      templates(
          "预算已批",
          "预算已经批下来了",
          "下周能定",
          "老板同意了",
          "领导已经签字了",
          "我们这边基本确定用你们了",
          "合同可以走流程了",
          "采购那边已经在走流程",
          "这个月底前可以签",
          "院长那边同意了，下周能定");

  public static final List<Template> DECISION_SIGNALS_EN =
      templates(
          "Budget is approved.",
          "My boss agreed.",
          "We can decide next week.",
          "Procurement has started the paperwork.");

  public static final List<Template> BUDGET_APPROVED_ZH =
      templates("预算已批", "预算已经批下来了", "今年的预算已批，可以推进");

  public static final List<Template> BUDGET_APPROVED_EN =
      templates("Budget is approved.", "We got the budget approved.");

  public static final List<Template> PRICE_OBJECTIONS_ZH =
      templates(
          "价格太高了", "竞品报价更低", "你们比{competitor}贵了不少", "预算不够，能不能再降点", "这个价格领导不会批的", "价格太高了，竞品报价更低");

  public static final List<Template> PRICE_OBJECTIONS_EN =
      templates("The price is too high.", "{competitor} quoted lower.", "That is over our budget.");

  public static final List<Template> SERVICE_OBJECTIONS_ZH =
      templates("售后响应慢", "上次报修等了三天才有人来", "你们的售后响应太慢了", "客服电话一直打不通", "系统老是出问题，售后响应慢");

  public static final List<Template> SERVICE_OBJECTIONS_EN =
      templates("Your support is slow to respond.", "We waited three days for a technician.");

  public static final List<Template> COMPETITOR_MENTIONS_ZH =
      templates(
          "{competitor}也在跟我们谈",
          "我们在对比{competitor}的方案",
          "{competitor}给的条件挺好的",
          "{competitor}说可以免费实施");

  public static final List<Template> COMPETITOR_MENTIONS_EN =
      templates("We are also talking to {competitor}.", "We are comparing with {competitor}.");

  public static final List<Template> STALLS_ZH =
      templates("最近比较忙，过段时间再说", "这个事情还要内部讨论一下", "领导还没看", "先等等吧", "预算要明年才有", "项目暂时搁置了");

  public static final List<Template> STALLS_EN =
      templates("We are busy this month.", "Let us revisit next quarter.");

  public static final List<Template> SCHEDULING_ZH =
      templates(
          "{day}{time}方便吗？",
          "{day}{time}我过去拜访您",
          "好的，{day}见",
          "那就约{day}{time}",
          "会议室我订好了",
          "{day}可以安排演示吗？");

  public static final List<Template> SCHEDULING_EN =
      templates("Does {day} {time} work for you?", "See you {day}.", "Can we do the demo {day}?");

  public static final List<Template> CUSTOMER_ACKS_ZH =
      templates("好的", "收到", "谢谢", "嗯嗯", "好的，我看一下", "OK", "行", "没问题", "稍等，我在开会", "好的，辛苦了");

  public static final List<Template> CUSTOMER_ACKS_EN =
      templates("OK", "Thanks.", "Got it.", "Sure.", "In a meeting, later.");

  public static final List<Template> REP_ACKS_ZH =
      templates("好的{customer}", "收到，谢谢{customer}", "没问题，我来安排", "好的，有问题随时找我", "明白", "好的，我马上处理");

  public static final List<Template> REP_ACKS_EN =
      templates("Sure, {customer}.", "Thanks, {customer}.", "No problem, I will arrange it.");

  public static final List<Template> SERVICE_REQUESTS_ZH =
      templates(
          "系统今天登录不上",
          "设备报错了，能派人看一下吗？",
          "新来的同事需要培训",
          "发票收到了",
          "款已经付了，麻烦查收",
          "续费的合同什么时候发过来？",
          "能不能再加几个账号？");

  public static final List<Template> SERVICE_REQUESTS_EN =
      templates(
          "We cannot log in today.", "The invoice arrived.", "Payment is done, please check.");

  public static final List<Template> SERVICE_REPLIES_ZH =
      templates("已经安排工程师过去了", "我让技术同事联系您", "发票已经寄出，单号发您", "收到款项了，谢谢支持", "账号已经加好了", "培训我们下周安排");

  public static final List<Template> SERVICE_REPLIES_EN =
      templates(
          "An engineer is on the way.",
          "Our tech team will call you.",
          "Payment received, thank you.");

  private ChatPhrases() {}

  private static List<Template> templates(String... texts) {
    return Stream.of(texts).map(Template::of).toList();
  }

  /** Every literal phrase, for checks (all must be GBK-encodable). */
  public static List<String> vocabulary() {
    List<String> words = new ArrayList<>();
    words.addAll(COMPETITORS);
    words.addAll(COMPETITORS_EN);
    words.addAll(DAYS);
    words.addAll(DAYS_EN);
    words.addAll(TIMES);
    words.addAll(TIMES_EN);
    words.addAll(FILE_NAMES);
    for (List<Template> group :
        List.of(
            REP_OPENERS_ZH,
            REP_OPENERS_EN,
            REP_INFO_ZH,
            REP_INFO_EN,
            CUSTOMER_QUESTIONS_ZH,
            CUSTOMER_QUESTIONS_EN,
            DECISION_SIGNALS_ZH,
            DECISION_SIGNALS_EN,
            BUDGET_APPROVED_ZH,
            BUDGET_APPROVED_EN,
            PRICE_OBJECTIONS_ZH,
            PRICE_OBJECTIONS_EN,
            SERVICE_OBJECTIONS_ZH,
            SERVICE_OBJECTIONS_EN,
            COMPETITOR_MENTIONS_ZH,
            COMPETITOR_MENTIONS_EN,
            STALLS_ZH,
            STALLS_EN,
            SCHEDULING_ZH,
            SCHEDULING_EN,
            CUSTOMER_ACKS_ZH,
            CUSTOMER_ACKS_EN,
            REP_ACKS_ZH,
            REP_ACKS_EN,
            SERVICE_REQUESTS_ZH,
            SERVICE_REQUESTS_EN,
            SERVICE_REPLIES_ZH,
            SERVICE_REPLIES_EN)) {
      String[] empty = new String[Template.Slot.values().length];
      Arrays.fill(empty, "");
      for (Template template : group) {
        words.add(template.fill(empty));
      }
    }
    return List.copyOf(words);
  }
}
