package io.salesdw.generator.market;

import static java.util.Objects.requireNonNull;

/** A sellable item (SKU) of a product line, with list price and unit cost in fen. */
public record Product(
    String sku, String name, String productLineCode, long listPriceFen, long unitCostFen) {
  public Product {
    requireNonNull(sku, "sku is null");
    requireNonNull(name, "name is null");
    requireNonNull(productLineCode, "productLineCode is null");
    if (listPriceFen <= 0 || unitCostFen <= 0) {
      throw new IllegalArgumentException("prices must be positive for " + sku);
    }
  }
}
