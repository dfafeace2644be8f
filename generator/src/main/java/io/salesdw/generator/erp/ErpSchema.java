package io.salesdw.generator.erp;

import static io.salesdw.generator.erp.ErpTable.column;

import java.util.List;

/**
 * The ERP tables: CSV file, SQL name, typed columns and keys. The SQL types are PostgreSQL's;
 * foreign keys point only at tables created earlier, in {@link ErpBooks#tables()} order.
 */
final class ErpSchema {
  private ErpSchema() {}

  static ErpTable productLines() {
    return new ErpTable(
        "erp/product-lines.csv",
        "product_lines",
        List.of(
            column("product_line_code", "text"),
            column("product_line_name", "text"),
            column("margin_class", "text")),
        List.of("PRIMARY KEY (product_line_code)"));
  }

  static ErpTable products() {
    return new ErpTable(
        "erp/products.csv",
        "products",
        List.of(
            column("sku", "text"),
            column("product_name", "text"),
            column("product_line_code", "text"),
            column("list_price", "numeric(14,2)"),
            column("unit_cost", "numeric(14,2)")),
        List.of("PRIMARY KEY (sku)", "FOREIGN KEY (product_line_code) REFERENCES product_lines"));
  }

  static ErpTable pricePolicies() {
    return new ErpTable(
        "erp/price-policies.csv",
        "price_policies",
        List.of(
            column("policy_id", "text"),
            column("product_line_code", "text"),
            column("max_discount_pct", "numeric(5,2)"),
            column("approval_level", "text"),
            column("valid_from", "date"),
            column("valid_to", "date")),
        List.of(
            "PRIMARY KEY (policy_id)", "FOREIGN KEY (product_line_code) REFERENCES product_lines"));
  }

  static ErpTable customerTable() {
    return new ErpTable(
        "erp/customers.csv",
        "customers",
        List.of(
            column("customer_code", "text"),
            column("customer_name", "text"),
            column("unified_social_credit_code", "text"),
            column("phone", "text"),
            column("email", "text"),
            column("region_name", "text"),
            column("address", "text"),
            column("created_date", "date"),
            column("updated_at", "timestamptz")),
        List.of("PRIMARY KEY (customer_code)"));
  }

  static ErpTable quotes() {
    return new ErpTable(
        "erp/quotes.csv",
        "quotes",
        List.of(
            column("quote_no", "text"),
            column("customer_code", "text"),
            column("crm_opportunity_id", "text"),
            column("revision", "integer"),
            column("sku", "text"),
            column("quantity", "integer"),
            column("unit_price", "numeric(14,2)"),
            column("discount_pct", "numeric(5,2)"),
            column("amount", "numeric(14,2)"),
            column("submitted_at", "timestamptz"),
            column("approved_at", "timestamptz"),
            column("approval_status", "text"),
            column("updated_at", "timestamptz")),
        List.of(
            "PRIMARY KEY (quote_no, revision)",
            "FOREIGN KEY (customer_code) REFERENCES customers",
            "FOREIGN KEY (sku) REFERENCES products"));
  }

  static ErpTable contracts() {
    return new ErpTable(
        "erp/contracts.csv",
        "contracts",
        List.of(
            column("contract_no", "text"),
            column("customer_code", "text"),
            column("quote_no", "text"),
            column("crm_opportunity_id", "text"),
            column("signed_date", "date"),
            column("amount", "numeric(14,2)"),
            column("payment_terms_days", "integer"),
            column("sla_response_hours", "integer"),
            column("sla_resolution_hours", "integer"),
            column("start_date", "date"),
            column("end_date", "date"),
            column("updated_at", "timestamptz")),
        List.of("PRIMARY KEY (contract_no)", "FOREIGN KEY (customer_code) REFERENCES customers"));
  }

  static ErpTable orders() {
    return new ErpTable(
        "erp/orders.csv",
        "orders",
        List.of(
            column("order_no", "text"),
            column("contract_no", "text"),
            column("customer_code", "text"),
            column("order_date", "date"),
            column("sku", "text"),
            column("quantity", "integer"),
            column("unit_price", "numeric(14,2)"),
            column("amount", "numeric(14,2)"),
            column("updated_at", "timestamptz")),
        List.of(
            "PRIMARY KEY (order_no)",
            "FOREIGN KEY (contract_no) REFERENCES contracts",
            "FOREIGN KEY (customer_code) REFERENCES customers",
            "FOREIGN KEY (sku) REFERENCES products"));
  }

  static ErpTable invoices() {
    return new ErpTable(
        "erp/invoices.csv",
        "invoices",
        List.of(
            column("invoice_no", "text"),
            column("order_no", "text"),
            column("invoice_date", "date"),
            column("amount", "numeric(14,2)"),
            column("tax_amount", "numeric(14,2)"),
            column("updated_at", "timestamptz")),
        List.of("PRIMARY KEY (invoice_no)", "FOREIGN KEY (order_no) REFERENCES orders"));
  }

  static ErpTable payments() {
    return new ErpTable(
        "erp/payments.csv",
        "payments",
        List.of(
            column("payment_no", "text"),
            column("invoice_no", "text"),
            column("contract_no", "text"),
            column("customer_code", "text"),
            column("due_date", "date"),
            column("received_date", "date"),
            column("amount", "numeric(14,2)"),
            column("method", "text"),
            column("updated_at", "timestamptz")),
        List.of(
            "PRIMARY KEY (payment_no)",
            "FOREIGN KEY (invoice_no) REFERENCES invoices",
            "FOREIGN KEY (contract_no) REFERENCES contracts",
            "FOREIGN KEY (customer_code) REFERENCES customers"));
  }

  static ErpTable tickets() {
    return new ErpTable(
        "erp/delivery-tickets.csv",
        "delivery_tickets",
        List.of(
            column("ticket_no", "text"),
            column("order_no", "text"),
            column("customer_code", "text"),
            column("ticket_type", "text"),
            column("opened_at", "timestamptz"),
            column("resolved_at", "timestamptz"),
            column("status", "text"),
            column("updated_at", "timestamptz")),
        List.of(
            "PRIMARY KEY (ticket_no)",
            "FOREIGN KEY (order_no) REFERENCES orders",
            "FOREIGN KEY (customer_code) REFERENCES customers"));
  }
}
