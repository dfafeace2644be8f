/**
 * The Spark side of the process-DNA marts: SQL functions that run the text miners of {@code
 * io.salesdw.transforms.text} over activity notes, customer chat messages and call transcripts.
 */
package io.salesdw.transforms.dna;
