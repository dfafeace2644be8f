/**
 * Text signals from sales notes, chat messages and call transcripts, in Chinese and English, in
 * plain Java so a Spark job can call them per partition or from a UDF.
 *
 * <ul>
 *   <li>{@link io.salesdw.transforms.text.TextMetrics}: language-aware word counts (ICU dictionary
 *       segmentation for Chinese).
 *   <li>{@link io.salesdw.transforms.text.CustomerQuestionDetector}: questions by punctuation,
 *       sentence-final particles and interrogative words.
 *   <li>{@link io.salesdw.transforms.text.SignalLexicon}: decision and objection signals from a
 *       regex lexicon ({@code signals.tsv}, {@code competitors.tsv}) over NFKC-casefolded text,
 *       with minimal negation and question handling.
 *   <li>{@link io.salesdw.transforms.text.TalkShare}: the rep's and customer's share of talk time
 *       in a transcript and the customer's questions.
 * </ul>
 *
 * Every class is stateless or immutable, thread-safe and serialisable.
 */
package io.salesdw.transforms.text;
