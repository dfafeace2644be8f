package io.salesdw.transforms.text;

import static java.util.Objects.requireNonNull;

import io.salesdw.transforms.text.Sentences.Sentence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Counts the questions in a customer's messages or transcript turns, in Chinese and English.
 *
 * <p>The text is normalised (NFKC, case-folded: {@code ？} becomes {@code ?}) and split into
 * sentences at {@code 。 ! ? .} and line breaks. A sentence is a question when any of these holds:
 *
 * <ol>
 *   <li>a question mark closes it ({@code 价格大概多少？}, {@code 真的吗?!});
 *   <li>its last letter or ideograph (trailing {@code ~}, quotes and spaces skipped) is the
 *       particle {@code 吗} or {@code 么} ({@code 能开专票吗}), but not the {@code 么} of {@code 这么 / 那么};
 *   <li>its last ideograph is {@code 呢} and it has no progressive marker ({@code 在 正 着 还}), so
 *       {@code 那售后呢} asks but {@code 还在开会呢} does not;
 *   <li>it holds a Chinese interrogative word: {@code 多少 什么 怎么 怎样 如何 为什么 为何 哪些 哪个 哪家 哪里 哪儿 哪种 能不能
 *       可不可以 是不是 有没有 要不要 会不会 是否 多久 多长时间 几时 何时 啥}, apart from the non-questions {@code 没什么 / 没有什么 /
 *       什么都 / 什么也 / 没啥 / 不怎么 / 多少有 / 或多或少};
 *   <li>a clause of it (between commas) opens with an English question word ({@code how what when
 *       where which who whom whose why}) or with an auxiliary followed by a subject ({@code can
 *       you}, {@code do we}, {@code is it}, {@code will they} …), so {@code will call back} is not
 *       one.
 * </ol>
 *
 * A sentence closed by an exclamation mark and no question mark is an exclamation, never a
 * question, whatever words it holds ({@code 怎么这么贵!}). Each sentence counts once however many rules
 * it meets. Reported questions in a rep's note ({@code 客户问交付周期能不能压缩}) count too: they record a
 * question the customer asked.
 *
 * <p>Stateless and thread-safe.
 */
public final class CustomerQuestionDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  // Compiled once: Pattern is immutable and thread-safe.
  private static final Pattern CHINESE_NON_QUESTIONS =
      Pattern.compile("没有?什么|什么[都也]|没啥|不怎么|多少有|或多或少");
  private static final Pattern CHINESE_INTERROGATIVES =
      Pattern.compile(
          "多少|什么|怎么|怎样|如何|为什么|为何|哪些|哪个|哪家|哪里|哪儿|哪种|能不能|可不可以|是不是|有没有|要不要|会不会"
              + "|是否|多久|多长时间|几时|何时|啥");
  private static final Pattern ENGLISH_QUESTION_CLAUSE =
      Pattern.compile(
          "^[^\\p{L}\\p{N}]*(?:(?:how|what|when|where|which|who|whom|whose|why)\\b"
              + "|(?:can|could|would|will|do|does|did|is|are|was|were|should|shall|may|have|has)"
              + "\\s+(?:you|we|i|it|they|he|she|this|that|there|the|your|our|my)\\b)");
  private static final Pattern CLAUSE_SEPARATORS = Pattern.compile("[,;:]");
  private static final Pattern PROGRESSIVE_MARKERS = Pattern.compile("[在正着还]");

  /** The number of question sentences in {@code text}. */
  public int countQuestions(String text) {
    return questions(text).size();
  }

  /** The total number of question sentences in {@code texts} (for example a customer's turns). */
  public int countQuestions(List<String> texts) {
    requireNonNull(texts, "texts is null");
    int questions = 0;
    for (String text : texts) {
      questions += countQuestions(text);
    }
    return questions;
  }

  /** The question sentences of {@code text}, normalised and without their closing punctuation. */
  public List<String> questions(String text) {
    List<String> questions = new ArrayList<>();
    for (Sentence sentence : Sentences.split(TextNormalization.normalise(text))) {
      if (isQuestion(sentence)) {
        questions.add(sentence.body().strip());
      }
    }
    return questions;
  }

  /** Whether one sentence of normalised text is a question by the rules of the class comment. */
  static boolean isQuestion(Sentence sentence) {
    if (sentence.questionMark()) {
      return true;
    }
    if (sentence.exclamationMark()) {
      return false;
    }
    String body = sentence.body();
    int last = lastWordCharacter(body);
    if (last >= 0) {
      char particle = body.charAt(last);
      char before = last > 0 ? body.charAt(last - 1) : ' ';
      if (particle == '吗' || particle == '么' && before != '这' && before != '那') {
        return true;
      }
      if (particle == '呢' && !PROGRESSIVE_MARKERS.matcher(body).find()) {
        return true;
      }
    }
    if (CHINESE_INTERROGATIVES.matcher(CHINESE_NON_QUESTIONS.matcher(body).replaceAll("")).find()) {
      return true;
    }
    for (String clause : CLAUSE_SEPARATORS.split(body)) {
      if (ENGLISH_QUESTION_CLAUSE.matcher(clause).find()) {
        return true;
      }
    }
    return false;
  }

  private static int lastWordCharacter(String body) {
    for (int i = body.length() - 1; i >= 0; i--) {
      if (TextNormalization.isWordCharacter(body.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
