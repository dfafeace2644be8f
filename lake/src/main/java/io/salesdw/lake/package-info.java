/**
 * Reads the Delta tables of a lake without Spark, through Delta Kernel: {@link
 * io.salesdw.lake.Lake} finds the tables under a root and describes each one's current snapshot.
 * The other public types are its results; everything else in the package is package-private.
 */
package io.salesdw.lake;
