/** The salesdw orchestration module; see its README for what it does and how to use it. */
package io.salesdw.orchestration;
