package io.salesdw.lake;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.fs.Path;

/**
 * The one form in which this module hands out locations: absolute URIs, percent-encoded down to
 * ASCII, local files as {@code file:///…}. Hadoop writes the same local file as {@code file:/…} or
 * {@code file:///…} depending on how the path was made; callers should be able to compare them as
 * values.
 */
final class Uris {
  private Uris() {}

  static URI of(Path path) {
    URI uri = path.toUri().normalize();
    if ("file".equals(uri.getScheme()) && uri.getAuthority() == null) {
      try {
        uri = new URI("file", "", uri.getPath(), null, null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a valid file URI: " + uri, e);
      }
    }
    // Non-ASCII characters percent-encoded too ("region=%E5%8D%8E%E4%B8%9C"): java.nio's
    // Path.of(URI) rejects a URI that holds them raw ("Bad escape").
    return URI.create(uri.toASCIIString());
  }
}
