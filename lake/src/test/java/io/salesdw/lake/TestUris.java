package io.salesdw.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestUris {
  @Test
  void localFilesTakeOneFormWhateverHadoopMadeThem() {
    URI expected = URI.create("file:///lake/bronze/crm_leads");
    assertThat(Uris.of(new org.apache.hadoop.fs.Path("file:/lake/bronze/crm_leads")))
        .isEqualTo(expected);
    assertThat(Uris.of(new org.apache.hadoop.fs.Path("file:///lake/bronze/crm_leads")))
        .isEqualTo(expected);
    assertThat(Uris.of(new org.apache.hadoop.fs.Path("/lake/bronze/./crm_leads")))
        .isEqualTo(URI.create("/lake/bronze/crm_leads"));
  }

  // Regression: a partition value such as 华东 left raw in the URI made Path.of(uri) throw
  // "Bad escape".
  @Test
  void encodesSpacesAndNonAsciiCharacters() {
    URI uri =
        Uris.of(
            new org.apache.hadoop.fs.Path("file:/lake/erp_orders/region=华东 North/part-0.parquet"));
    assertThat(uri.toString())
        .isEqualTo("file:///lake/erp_orders/region=%E5%8D%8E%E4%B8%9C%20North/part-0.parquet");
    assertThat(Path.of(uri)).isEqualTo(Path.of("/lake/erp_orders/region=华东 North/part-0.parquet"));
  }

  @Test
  void keepsOtherFileSystemsAsTheyAre() {
    assertThat(Uris.of(new org.apache.hadoop.fs.Path("s3a://sales-bucket/lake/gold")))
        .isEqualTo(URI.create("s3a://sales-bucket/lake/gold"));
  }
}
