package io.salesdw.generator.erp;

import io.salesdw.generator.text.CompanyNameVariant;
import java.util.List;

/** The ERP customer codes with their true company, for the identity ground truth. */
public final class ErpCustomers {
  private final List<Entry> entries;

  /** One customer code. */
  public record Entry(String code, int company, CompanyNameVariant variant, boolean duplicate) {}

  public ErpCustomers(ErpBooks books) {
    this.entries =
        books.customers.stream()
            .map(c -> new Entry(c.code, c.company, c.variant, c.duplicateOf >= 0))
            .toList();
  }

  public List<Entry> entries() {
    return entries;
  }
}
