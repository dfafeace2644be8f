package io.salesdw.generator.market;

import java.util.List;

/** The fixed product lines and products the organisation sells. */
public final class ProductCatalog {
  public static final List<ProductLine> LINES =
      List.of(
          new ProductLine("PL01", "医疗信息化", "A", 6),
          new ProductLine("PL02", "口腔数字化设备", "B", 13),
          new ProductLine("PL03", "零售与快消SaaS", "A", 6),
          new ProductLine("PL04", "工业物联网平台", "B", 13),
          new ProductLine("PL05", "智慧教育", "C", 6),
          new ProductLine("PL06", "实施与培训服务", "C", 6));

  public static final List<Product> PRODUCTS =
      List.of(
          product("SKU0101", "临床数据中心", "PL01", 680_000, 0.35),
          product("SKU0102", "电子病历系统", "PL01", 420_000, 0.38),
          product("SKU0103", "互联网医院平台", "PL01", 260_000, 0.30),
          product("SKU0104", "医疗数据治理服务包", "PL01", 90_000, 0.45),
          product("SKU0201", "口腔CBCT影像设备", "PL02", 380_000, 0.62),
          product("SKU0202", "口内扫描仪", "PL02", 120_000, 0.58),
          product("SKU0203", "口腔诊所管理系统", "PL02", 28_000, 0.25),
          product("SKU0301", "门店数字化SaaS年费", "PL03", 36_000, 0.20),
          product("SKU0302", "会员营销云", "PL03", 58_000, 0.22),
          product("SKU0303", "渠道管理系统", "PL03", 150_000, 0.30),
          product("SKU0401", "设备联网网关", "PL04", 8_500, 0.55),
          product("SKU0402", "工业物联网平台授权", "PL04", 320_000, 0.40),
          product("SKU0403", "能耗监测系统", "PL04", 180_000, 0.48),
          product("SKU0501", "智慧教室套件", "PL05", 45_000, 0.60),
          product("SKU0502", "教务管理系统", "PL05", 160_000, 0.45),
          product("SKU0601", "实施服务（人天）", "PL06", 2_500, 0.55),
          product("SKU0602", "培训服务（场次）", "PL06", 8_000, 0.50),
          product("SKU0603", "年度运维服务", "PL06", 60_000, 0.45));

  private ProductCatalog() {}

  /** The line with the code. */
  public static ProductLine line(String code) {
    return LINES.stream()
        .filter(line -> line.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown product line " + code));
  }

  /** The products of a line, in catalogue order. */
  public static List<Product> productsOf(String lineCode) {
    return PRODUCTS.stream().filter(p -> p.productLineCode().equals(lineCode)).toList();
  }

  private static Product product(
      String sku, String name, String line, long listYuan, double costShare) {
    long list = listYuan * 100;
    return new Product(sku, name, line, list, Math.round(list * costShare));
  }
}
