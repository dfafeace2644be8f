package io.salesdw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTextTable {
  @Test
  void columnsAreTwoSpacesApartAndNumbersRightAligned() {
    TextTable table = new TextTable(List.of("region", "orders"), List.of(false, true));
    table.add(List.of("East", "3")).add(List.of("North-West", "12"));

    assertThat(table.lines())
        .containsExactly(
            "region      orders", "----------  ------", "East             3", "North-West      12");
  }

  @Test
  void aChineseCharacterTakesTwoColumns() {
    TextTable table = TextTable.of("zh", "en");
    table.add(List.of("订单金额", "revenue")).add(List.of("x", "y"));

    // 订单金额 is four characters, eight terminal columns: "x" is padded with seven spaces.
    assertThat(table.lines())
        .containsExactly("zh        en", "--------  -------", "订单金额  revenue", "x         y");
    assertThat(TextTable.width("订单金额。")).isEqualTo(10);
  }
}
