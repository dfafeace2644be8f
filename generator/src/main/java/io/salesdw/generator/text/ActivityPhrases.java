package io.salesdw.generator.text;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Visit notes and activity summaries as reps type them: about half are a few words ("电话未接通"), the
 * rest a sentence or three about the customer's need, the reaction and the next step, now and then
 * with commas, quotes or a line break. Short notes are always under 15 characters and long ones at
 * least 15, so the documented share of short notes is exact by construction.
 */
public final class ActivityPhrases {
  /** Notes under 15 characters (the 47% anchor counts these). */
  public static final List<String> SHORT_ZH =
      List.of(
          "电话未接通", "已加微信", "客户在开会", "发送了报价单", "约了下周拜访", "客户说再考虑", "已发资料", "无人接听", "客户出差", "电话沟通需求",
          "微信跟进", "已拜访", "确认了演示时间", "客户暂无需求", "发了案例", "号码是空号", "约好周三见面", "催了合同", "跟进回款", "客户要报价",
          "已回电", "送了样品", "需求待确认", "改天再联系", "客户很感兴趣", "演示完成", "已签到", "发送合同草稿");

  /** English notes under 15 characters. */
  public static final List<String> SHORT_EN =
      List.of(
          "No answer",
          "Sent quote",
          "Left message",
          "WeChat added",
          "Demo booked",
          "Will call back",
          "Busy, later",
          "Visited",
          "Sent deck",
          "Follow up",
          "Not reachable",
          "Contract sent");

  private static final List<String> OPENERS_ZH =
      List.of(
          "拜访了客户",
          "和客户电话沟通",
          "微信上和客户聊了",
          "给客户做了产品演示",
          "和客户开了视频会议",
          "邮件跟进了客户",
          "到客户现场交流",
          "和采购负责人沟通",
          "和客户技术负责人交流");

  private static final List<String> NEEDS_ZH =
      List.of(
          "，客户比较关心价格，希望再给些优惠",
          "，客户主要想了解产品功能和同行案例",
          "，客户提到之前的供应商售后响应慢",
          "，客户需要和现有系统集成，要求提供接口文档",
          "，客户希望上线前安排培训",
          "，客户问交付周期能不能压缩到一个月",
          "，客户说\"预算已批\"，这个季度要落地",
          "，客户说老板同意了，下周能定",
          "，客户在对比竞品方案，竞品报价更低",
          "，客户还在内部讨论，决策人没到场");

  private static final List<String> NEXT_ZH =
      List.of(
          "。下一步发正式报价。",
          "。约了下周现场演示。",
          "。等客户内部评审结果。",
          "。需要申请特价。",
          "。准备合同草稿。",
          "。安排技术同事对接。",
          "。\n下次拜访带上案例资料。",
          "。客户要求书面方案。",
          "。");

  private static final List<String> OPENERS_EN =
      List.of(
          "Visited the customer",
          "Called the buyer",
          "Chatted with the customer on WeChat",
          "Ran a product demo",
          "Video meeting with the IT lead",
          "Emailed the procurement team");

  private static final List<String> NEEDS_EN =
      List.of(
          ", they care most about price and ask for a better discount",
          ", they want references from similar customers",
          ", they said the previous vendor's support was slow",
          ", they need integration with their current system",
          ", they said \"budget approved\" and want to go live this quarter",
          ", they are comparing us with a cheaper competitor");

  private static final List<String> NEXT_EN =
      List.of(
          ". Next: send the formal quote.",
          ". Demo on site next week.",
          ". Waiting for their internal review.",
          ".");

  /** Next actions a rep schedules. */
  public static final List<String> NEXT_ACTIONS_ZH =
      List.of("发送报价", "安排演示", "跟进合同审批", "回访", "催款", "确认需求", "提交方案", "约见决策人", "安排培训");

  public static final List<String> NEXT_ACTIONS_EN =
      List.of(
          "Send quote",
          "Schedule demo",
          "Chase contract approval",
          "Follow-up call",
          "Meet decision maker");

  /** Attachment names by kind of activity. */
  public static final List<String> ATTACHMENTS =
      List.of(
          "方案v2.pptx",
          "报价单.xlsx",
          "合同草稿.docx",
          "现场照片.jpg",
          "需求调研表.xlsx",
          "会议纪要.docx",
          "产品手册.pdf",
          "Proposal.pdf",
          "签到照片.jpg",
          "演示录屏.mp4");

  private ActivityPhrases() {}

  /** A note under 15 characters. */
  public static String shortNote(SplittableRandom random, boolean english) {
    List<String> notes = english ? SHORT_EN : SHORT_ZH;
    return notes.get(random.nextInt(notes.size()));
  }

  /**
   * A note of at least 15 characters; {@code needIndex} picks the need sentence (or random if -1).
   */
  public static String longNote(SplittableRandom random, boolean english, int needIndex) {
    List<String> openers = english ? OPENERS_EN : OPENERS_ZH;
    List<String> needs = english ? NEEDS_EN : NEEDS_ZH;
    List<String> next = english ? NEXT_EN : NEXT_ZH;
    String need =
        needs.get(needIndex >= 0 ? needIndex % needs.size() : random.nextInt(needs.size()));
    return openers.get(random.nextInt(openers.size()))
        + need
        + next.get(random.nextInt(next.size()));
  }

  /** Every literal phrase, for checks (all must be GBK-encodable). */
  public static List<String> vocabulary() {
    List<String> words = new ArrayList<>();
    for (List<String> group :
        List.of(
            SHORT_ZH,
            SHORT_EN,
            OPENERS_ZH,
            NEEDS_ZH,
            NEXT_ZH,
            OPENERS_EN,
            NEEDS_EN,
            NEXT_EN,
            NEXT_ACTIONS_ZH,
            NEXT_ACTIONS_EN,
            ATTACHMENTS)) {
      words.addAll(group);
    }
    return List.copyOf(words);
  }
}
