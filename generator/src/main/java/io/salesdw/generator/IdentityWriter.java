package io.salesdw.generator;

import io.salesdw.generator.chat.ChatArchive;
import io.salesdw.generator.crm.Account;
import io.salesdw.generator.crm.AccountBook;
import io.salesdw.generator.erp.ErpCustomers;
import io.salesdw.generator.market.Company;
import io.salesdw.generator.output.CsvWriter;
import io.salesdw.generator.output.OutputLedger;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.world.World;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes ground-truth/account-identity.csv: every CRM account, ERP customer and chat contact with
 * the true company behind it, so entity resolution downstream can be scored.
 */
final class IdentityWriter {
  static final String PATH = "ground-truth/account-identity.csv";

  private IdentityWriter() {}

  static long write(
      World world,
      OutputLedger ledger,
      AccountBook book,
      ErpCustomers customers,
      ChatArchive chat) {
    List<Company> companies = world.market().companies();
    try (CsvWriter out =
        new CsvWriter(
            ledger.resolve(PATH),
            StandardCharsets.UTF_8,
            "\n",
            List.of(
                "source_system",
                "source_id",
                "source_name",
                "company_id",
                "registered_name",
                "name_variant",
                "is_duplicate"))) {
      for (Account account : book.accounts()) {
        Company company = companies.get(account.companyIndex());
        out.row(
            "crm",
            account.id(),
            account.name(),
            company.id(),
            company.name().canonical(),
            account.variant().code(),
            Boolean.toString(book.isDuplicate(account)));
      }
      for (ErpCustomers.Entry customer : customers.entries()) {
        Company company = companies.get(customer.company());
        out.row(
            "erp",
            customer.code(),
            company.name().render(customer.variant()),
            company.id(),
            company.name().canonical(),
            customer.variant().code(),
            Boolean.toString(customer.duplicate()));
      }
      for (int[] contact : chat.contactsInOrder()) {
        Company company = companies.get(contact[1]);
        CompanyNameVariant variant = chat.corpVariantOf(contact[0]);
        out.row(
            "chat",
            world.market().people().get(contact[0]).wecomExternalUserId().orElseThrow(),
            variant == null ? "" : company.name().render(variant),
            company.id(),
            company.name().canonical(),
            variant == null ? "missing" : variant.code(),
            "false");
      }
      out.finish();
      ledger.fileWritten(PATH, "UTF-8", out.rows());
      return out.rows();
    }
  }
}
