/** The salesdw reports module; see its README for what it does and how to use it. */
package io.salesdw.reports;
