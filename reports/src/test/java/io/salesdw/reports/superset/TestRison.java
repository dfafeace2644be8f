package io.salesdw.reports.superset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Rison} against the examples of Superset's API guide and the Rison rules. */
class TestRison {
  @Test
  void aListQueryIsWrittenAsTheGuideWritesIt() {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("col", "table_name");
    filter.put("opr", "eq");
    filter.put("value", "monthly_sales");
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("filters", List.of(filter));
    q.put("order_column", "changed_on_delta_humanized");
    q.put("order_direction", "desc");
    q.put("page", 0);
    q.put("page_size", 100);

    assertThat(Rison.encode(q))
        .isEqualTo(
            "(filters:!((col:table_name,opr:eq,value:monthly_sales)),order_column:changed_on_delta_humanized,order_direction:desc,page:0,page_size:100)");
  }

  @Test
  void stringsThatAreNotIdentifiersAreQuotedAndEscaped() {
    assertThat(Rison.encode("Monthly Sales")).isEqualTo("'Monthly Sales'");
    assertThat(Rison.encode("it's")).isEqualTo("'it!'s'");
    assertThat(Rison.encode("wow!")).isEqualTo("'wow!!'");
    assertThat(Rison.encode("3rd")).isEqualTo("'3rd'");
    assertThat(Rison.encode("-x")).isEqualTo("'-x'");
    assertThat(Rison.encode("")).isEqualTo("''");
    assertThat(Rison.encode("a,b")).isEqualTo("'a,b'");
    assertThat(Rison.encode("semantic_orders")).isEqualTo("semantic_orders");
  }

  @Test
  void booleansNullsNumbersAndIdLists() {
    assertThat(Rison.encode(true)).isEqualTo("!t");
    assertThat(Rison.encode(false)).isEqualTo("!f");
    assertThat(Rison.encode(null)).isEqualTo("!n");
    assertThat(Rison.encode(List.of(12, 13))).isEqualTo("!(12,13)");
    assertThat(Rison.encode(List.of())).isEqualTo("!()");
    assertThat(Rison.encode(Map.of())).isEqualTo("()");
  }

  @Test
  void whatIsEncodedDecodesToTheSameValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("title", "Leads and MQLs by month");
    value.put("odd", "it's (really) 100%!");
    value.put("flags", List.of(true, false));
    value.put("page", 3);

    assertThat(RisonParser.parse(Rison.encode(value)))
        .isEqualTo(new ObjectMapper().valueToTree(value));
  }

  @Test
  void otherTypesAreRefused() {
    assertThatThrownBy(() -> Rison.encode(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Rison cannot encode java.lang.Double");
  }
}
