package io.salesdw.generator.erp;

import io.salesdw.generator.crm.Opportunity;
import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Industry;
import io.salesdw.generator.market.Product;
import io.salesdw.generator.market.ProductCatalog;
import io.salesdw.generator.market.ProductLine;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.output.Numbers;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.text.Cities;
import io.salesdw.generator.text.City;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ERP's books: master data, quotes for every deal that reached 报价谈判, a contract and orders for
 * every won deal, repeat orders of every customer from the BG/NBD process (back to five years
 * before the simulated one), invoices, instalments with their received dates, and service tickets.
 */
public final class ErpBooks {
  public static final double CUSTOMER_DUPLICATE_RATE = 0.012;
  public static final double CUSTOMER_PHONE_MISSING_RATE = 0.04;
  public static final double CUSTOMER_REGION_MISSING_RATE = 0.02;

  /** Quantities that divide a whole number of hundreds of yuan into exact unit prices in fen. */
  private static final int[] QUANTITIES = {
    1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 80, 100, 125, 200, 250, 400, 500, 625, 1000, 1250, 2000,
    2500, 5000, 10000
  };

  private static final long DAY = 86_400;

  final World world;
  final List<Opportunity> opportunities;
  final List<Customer> customers = new ArrayList<>();

  /** Customer of each company (original code), or -1. */
  final int[] customerOfCompany;

  final List<CustomerLifetime> lifetimes = new ArrayList<>();

  /** The duplicate code of each original customer, or -1. */
  private int[] duplicateCode = new int[0];

  final ErpTable productLines;
  final ErpTable products;
  final ErpTable pricePolicies;
  final ErpTable customerTable;
  final ErpTable quotes;
  final ErpTable contracts;
  final ErpTable orders;
  final ErpTable invoices;
  final ErpTable payments;
  final ErpTable tickets;

  /** An ERP customer code: one company, possibly a duplicate code of the same company. */
  static final class Customer {
    final int company;
    final long createdDay;
    final int duplicateOf;
    final CompanyNameVariant variant;
    String code;
    int lifetime = -1;
    boolean phoneMissing;
    boolean regionMissing;
    boolean hasCreditCode;

    Customer(int company, long createdDay, int duplicateOf, CompanyNameVariant variant) {
      this.company = company;
      this.createdDay = createdDay;
      this.duplicateOf = duplicateOf;
      this.variant = variant;
    }
  }

  private record Deal(
      long signedAt,
      int company,
      long amountFen,
      String line,
      int opportunity,
      String quoteNo,
      long seed) {}

  private record OrderDraft(
      long orderedAt,
      int contract,
      int customer,
      Product product,
      int quantity,
      long amountFen,
      long seed) {}

  public ErpBooks(World world, List<Opportunity> opportunities, String[] opportunityIds) {
    this.world = world;
    this.opportunities = opportunities;
    this.customerOfCompany = new int[world.market().companies().size()];
    Arrays.fill(customerOfCompany, -1);
    productLines = ErpSchema.productLines();
    products = ErpSchema.products();
    pricePolicies = ErpSchema.pricePolicies();
    customerTable = ErpSchema.customerTable();
    quotes = ErpSchema.quotes();
    contracts = ErpSchema.contracts();
    orders = ErpSchema.orders();
    invoices = ErpSchema.invoices();
    payments = ErpSchema.payments();
    tickets = ErpSchema.tickets();
    build(opportunityIds);
  }

  /** Every table in load order. */
  List<ErpTable> tables() {
    return List.of(
        productLines,
        products,
        pricePolicies,
        customerTable,
        quotes,
        contracts,
        orders,
        invoices,
        payments,
        tickets);
  }

  private void build(String[] opportunityIds) {
    long start = world.calendar().start();
    long end = world.calendar().end();
    long endDay = TimeText.chinaEpochDay(end);
    masterData();

    List<Opportunity> quoted = new ArrayList<>();
    for (Opportunity opportunity : opportunities) {
      long at = opportunity.enteredAt(3);
      if (!opportunity.deleted() && at >= start && at < end) {
        quoted.add(opportunity);
      }
    }
    long[] firstQuote = new long[customerOfCompany.length];
    Arrays.fill(firstQuote, Long.MAX_VALUE);
    for (Opportunity opportunity : quoted) {
      firstQuote[opportunity.companyIndex()] =
          Math.min(firstQuote[opportunity.companyIndex()], opportunity.enteredAt(3));
    }

    // Customer master: earlier customers, and every company quoted this year.
    List<Customer> drafts = new ArrayList<>();
    for (Company company : world.market().companies()) {
      SplittableRandom r = world.random().of(RandomStream.CUSTOMER_LIFETIME, company.index(), 1);
      long created;
      if (company.isHistoricCustomer()) {
        created = company.acquiredDay() - r.nextInt(10);
      } else if (firstQuote[company.index()] != Long.MAX_VALUE) {
        created = TimeText.chinaEpochDay(firstQuote[company.index()]) - r.nextInt(3);
      } else {
        continue;
      }
      Customer customer = new Customer(company.index(), created, -1, customerVariant(r, company));
      drafts.add(customer);
      if (r.nextDouble() < CUSTOMER_DUPLICATE_RATE) {
        long duplicate = created + 30 + r.nextInt(400);
        if (duplicate < endDay) {
          drafts.add(
              new Customer(
                  company.index(),
                  duplicate,
                  drafts.size() - 1,
                  r.nextBoolean() ? CompanyNameVariant.SHORT : CompanyNameVariant.ENGLISH));
        }
      }
    }
    Integer[] order = indices(drafts.size());
    Arrays.sort(
        order,
        Comparator.comparingLong((Integer i) -> drafts.get(i).createdDay).thenComparingInt(i -> i));
    int[] rank = new int[drafts.size()];
    for (int k = 0; k < order.length; k++) {
      rank[order[k]] = k;
    }
    Customer[] sorted = new Customer[drafts.size()];
    for (int i = 0; i < drafts.size(); i++) {
      Customer draft = drafts.get(i);
      Customer customer =
          new Customer(
              draft.company,
              draft.createdDay,
              draft.duplicateOf >= 0 ? rank[draft.duplicateOf] : -1,
              draft.variant);
      customer.code = "CUS" + Organisation.pad(rank[i] + 1, 5);
      SplittableRandom defects = world.random().of(RandomStream.DEFECT, rank[i], 20);
      customer.phoneMissing = defects.nextDouble() < CUSTOMER_PHONE_MISSING_RATE;
      customer.regionMissing = defects.nextDouble() < CUSTOMER_REGION_MISSING_RATE;
      customer.hasCreditCode = defects.nextDouble() < (customer.duplicateOf >= 0 ? 0.5 : 0.93);
      sorted[rank[i]] = customer;
    }
    customers.addAll(Arrays.asList(sorted));
    duplicateCode = new int[customers.size()];
    Arrays.fill(duplicateCode, -1);
    for (int c = 0; c < customers.size(); c++) {
      Customer customer = customers.get(c);
      if (customer.duplicateOf < 0) {
        customerOfCompany[customer.company] = c;
      } else {
        duplicateCode[customer.duplicateOf] = c;
      }
    }

    // Quotes, then the deals: won opportunities and BG/NBD purchase occasions.
    String[] quoteNo = quotes(quoted, opportunityIds, end);
    List<Deal> deals = new ArrayList<>();
    long[] firstWon = new long[customerOfCompany.length];
    Arrays.fill(firstWon, -1);
    for (Opportunity opportunity : opportunities) {
      if (!opportunity.deleted() && opportunity.won() && opportunity.closedAt() < end) {
        deals.add(
            new Deal(
                opportunity.closedAt(),
                opportunity.companyIndex(),
                opportunity.amountFen(),
                opportunity.productLineCode(),
                opportunity.index(),
                quoteNo[opportunity.index()],
                opportunity.index()));
        if (firstWon[opportunity.companyIndex()] < 0
            || opportunity.closedAt() < firstWon[opportunity.companyIndex()]) {
          firstWon[opportunity.companyIndex()] = opportunity.closedAt();
        }
      }
    }
    for (Customer customer : customers) {
      if (customer.duplicateOf >= 0) {
        continue;
      }
      Company company = world.market().companies().get(customer.company);
      SplittableRandom r = world.random().of(RandomStream.CUSTOMER_LIFETIME, company.index(), 2);
      long first;
      boolean firstIsDeal;
      if (company.isHistoricCustomer()) {
        first = company.acquiredDay();
        firstIsDeal = false;
      } else if (firstWon[company.index()] >= 0) {
        first = TimeText.chinaEpochDay(firstWon[company.index()]);
        firstIsDeal = true;
      } else {
        continue;
      }
      CustomerLifetime lifetime = LifetimeModel.simulate(r, first, endDay);
      customer.lifetime = lifetimes.size();
      lifetimes.add(lifetime);
      long[] days = lifetime.purchaseDays();
      for (int k = firstIsDeal ? 1 : 0; k < days.length; k++) {
        long amountYuan =
            Math.max(
                2_000,
                Math.round(
                        Distributions.logNormalWithMedian(
                                r, 80_000 * company.industry().dealSizeFactor(), 0.6)
                            / 100)
                    * 100);
        long signed =
            TimeText.chinaStartOfDay(LocalDate.ofEpochDay(days[k]))
                + 9 * 3600
                + r.nextInt(9 * 3600);
        deals.add(
            new Deal(
                signed,
                company.index(),
                amountYuan * 100,
                company.industry().mainProductLine(),
                -1,
                null,
                -1 - deals.size()));
      }
    }
    deals.sort(
        Comparator.comparingLong(Deal::signedAt)
            .thenComparingInt(Deal::company)
            .thenComparingLong(Deal::seed));
    documents(deals, opportunityIds, end);
    writeCustomerRows();
  }

  private void masterData() {
    for (ProductLine line : ProductCatalog.LINES) {
      productLines.add(line.code(), line.name(), line.marginClass());
    }
    for (Product product : ProductCatalog.PRODUCTS) {
      products.add(
          product.sku(),
          product.name(),
          product.productLineCode(),
          Numbers.money(product.listPriceFen()),
          Numbers.money(product.unitCostFen()));
    }
    int policy = 1;
    int year = world.calendar().year();
    for (ProductLine line : ProductCatalog.LINES) {
      double maxDiscount =
          line.marginClass().equals("A") ? 25 : line.marginClass().equals("B") ? 15 : 10;
      pricePolicies.add(
          "PP" + Organisation.pad(policy++, 3),
          line.code(),
          Numbers.fixed(maxDiscount, 2),
          "manager",
          (year - 1) + "-01-01",
          (year - 1) + "-12-31");
      pricePolicies.add(
          "PP" + Organisation.pad(policy++, 3),
          line.code(),
          Numbers.fixed(maxDiscount, 2),
          "manager",
          year + "-01-01",
          year + "-06-30");
      pricePolicies.add(
          "PP" + Organisation.pad(policy++, 3),
          line.code(),
          Numbers.fixed(maxDiscount + 5, 2),
          "director",
          year + "-07-01",
          year + "-12-31");
    }
  }

  /** Quote revisions of each quoted opportunity; returns the quote number per opportunity index. */
  private String[] quotes(List<Opportunity> quoted, String[] opportunityIds, long end) {
    String[] quoteNo = new String[opportunities.size()];
    List<Opportunity> byFirstQuote = new ArrayList<>(quoted);
    byFirstQuote.sort(
        Comparator.comparingLong((Opportunity o) -> o.enteredAt(3))
            .thenComparingInt(Opportunity::index));
    for (int q = 0; q < byFirstQuote.size(); q++) {
      Opportunity opportunity = byFirstQuote.get(q);
      SplittableRandom r = world.random().of(RandomStream.ERP_DEAL, opportunity.index(), 1);
      String number = "Q" + Organisation.pad(q + 1, 6);
      quoteNo[opportunity.index()] = number;
      long entered = opportunity.enteredAt(3);
      long left = opportunity.lastStage() > 3 ? opportunity.enteredAt(4) : opportunity.closedAt();
      left = Math.min(left, end - 60);
      int revisions = 1 + Math.min(3, Distributions.poisson(r, 0.9));
      Product product = pick(r, opportunity.productLineCode(), opportunity.amountFen());
      String customer = customers.get(customerOfCompany[opportunity.companyIndex()]).code;
      for (int revision = 1; revision <= revisions; revision++) {
        long submitted =
            entered
                + 1800
                + (long)
                    ((left - entered - 1800) * (revision - 1 + r.nextDouble() * 0.8) / revisions);
        submitted = SalesCalendar.snapToWorkingHours(submitted, r.nextDouble(), entered + 300);
        submitted = Math.max(entered + 600, Math.min(submitted, end - 60));
        boolean last = revision == revisions;
        long amount =
            last
                ? opportunity.amountFen()
                : Math.round(opportunity.amountFen() * (1 + 0.06 * (revisions - revision)) / 10_000)
                    * 10_000;
        if (last && !opportunity.won() && opportunity.lastStage() == 3) {
          amount = Math.round(opportunity.amountFen() * 1.05 / 10_000) * 10_000;
        }
        String status;
        if (!last) {
          status = r.nextDouble() < 0.4 ? "rejected" : "approved";
        } else if (opportunity.lastStage() > 3) {
          status = "approved";
        } else if (opportunity.closedAt() < end) {
          status = r.nextDouble() < 0.7 ? "approved" : "rejected";
        } else {
          status = end - submitted < 3 * DAY ? "pending" : "approved";
        }
        long approvedAt = submitted + (long) (Distributions.logNormalWithMedian(r, 6, 1.0) * 3600);
        if (status.equals("approved") && approvedAt >= end) {
          status = "pending";
        }
        int quantity = quantityFor(amount, product.listPriceFen());
        double discount =
            100.0 * (1 - (double) amount / ((double) quantity * product.listPriceFen()));
        quotes.add(
            number,
            customer,
            opportunityIds[opportunity.index()],
            Integer.toString(revision),
            product.sku(),
            Integer.toString(quantity),
            Numbers.money(product.listPriceFen()),
            Numbers.fixed(Math.max(0, discount), 2),
            Numbers.money(amount),
            TimeText.isoTimestamp(submitted),
            status.equals("approved") ? TimeText.isoTimestamp(approvedAt) : null,
            status,
            TimeText.isoTimestamp(status.equals("approved") ? approvedAt : submitted));
      }
    }
    return quoteNo;
  }

  private void documents(List<Deal> deals, String[] opportunityIds, long end) {
    List<OrderDraft> orderDrafts = new ArrayList<>();
    String[] contractNo = new String[deals.size()];
    int[] termsOf = new int[deals.size()];
    int[] resolutionHours = new int[deals.size()];
    for (int d = 0; d < deals.size(); d++) {
      Deal deal = deals.get(d);
      SplittableRandom r = world.random().of(RandomStream.ERP_DEAL, deal.seed, 2);
      Company company = world.market().companies().get(deal.company);
      int customer = customerFor(deal.company, TimeText.chinaEpochDay(deal.signedAt), r);
      contractNo[d] = "K" + Organisation.pad(d + 1, 6);
      boolean hospital = company.industry() == Industry.TERTIARY_HOSPITAL;
      int terms = hospital ? (r.nextBoolean() ? 90 : 180) : (r.nextDouble() < 0.6 ? 30 : 60);
      String margin = ProductCatalog.line(deal.line).marginClass();
      int response = hospital ? 2 : margin.equals("A") ? 4 : margin.equals("B") ? 8 : 24;
      int resolution = response * (hospital ? 12 : 6);
      termsOf[d] = terms;
      resolutionHours[d] = resolution;
      LocalDate signed = TimeText.chinaDate(deal.signedAt);
      LocalDate startDate = signed.plusDays(r.nextInt(11));
      LocalDate endDate =
          startDate.plusYears(deal.line.equals("PL01") && r.nextBoolean() ? 3 : 1).minusDays(1);
      contracts.add(
          contractNo[d],
          customers.get(customer).code,
          deal.quoteNo,
          deal.opportunity >= 0 ? opportunityIds[deal.opportunity] : null,
          TimeText.date(signed),
          Numbers.money(deal.amountFen),
          Integer.toString(terms),
          Integer.toString(response),
          Integer.toString(resolution),
          TimeText.date(startDate),
          TimeText.date(endDate),
          TimeText.isoTimestamp(deal.signedAt + 3600));
      int parts =
          deal.opportunity < 0 ? 1 : r.nextDouble() < 0.65 ? 1 : r.nextDouble() < 0.7 ? 2 : 3;
      long hundreds = deal.amountFen / 10_000;
      long remaining = hundreds;
      for (int part = 0; part < parts; part++) {
        long share =
            part == parts - 1
                ? remaining
                : Math.max(1, Math.round(hundreds * (0.3 + 0.3 * r.nextDouble())));
        share = Math.min(share, remaining - (parts - part - 1));
        if (share <= 0) {
          continue;
        }
        remaining -= share;
        long ordered =
            deal.signedAt
                + (deal.opportunity < 0 ? r.nextInt(7) : part * 15 + r.nextInt(30)) * DAY
                + r.nextInt(4 * 3600);
        if (ordered >= end) {
          continue;
        }
        Product product = pick(r, deal.line, share * 10_000);
        long amount = share * 10_000;
        int quantity = quantityFor(amount, product.listPriceFen());
        orderDrafts.add(
            new OrderDraft(ordered, d, customer, product, quantity, amount, deal.seed * 4 + part));
      }
    }
    orderDrafts.sort(
        Comparator.comparingLong(OrderDraft::orderedAt)
            .thenComparingInt(OrderDraft::contract)
            .thenComparingLong(OrderDraft::seed));

    record InvoiceDraft(long invoicedAt, int order, long amountFen, long taxFen) {}
    List<InvoiceDraft> invoiceDrafts = new ArrayList<>();
    String[] orderNo = new String[orderDrafts.size()];
    for (int o = 0; o < orderDrafts.size(); o++) {
      OrderDraft draft = orderDrafts.get(o);
      orderNo[o] = "SO" + Organisation.pad(o + 1, 6);
      orders.add(
          orderNo[o],
          contractNo[draft.contract],
          customers.get(draft.customer).code,
          TimeText.date(draft.orderedAt),
          draft.product.sku(),
          Integer.toString(draft.quantity),
          Numbers.money(draft.amountFen / draft.quantity),
          Numbers.money(draft.amountFen),
          TimeText.isoTimestamp(draft.orderedAt + 1800));
      SplittableRandom r = world.random().of(RandomStream.ERP_DOCUMENT, draft.seed, 1);
      long invoiced = draft.orderedAt + r.nextInt(21) * DAY + r.nextInt(6 * 3600);
      if (invoiced < end) {
        int vat = ProductCatalog.line(draft.product.productLineCode()).vatPercent();
        invoiceDrafts.add(
            new InvoiceDraft(
                invoiced, o, draft.amountFen, Math.round(draft.amountFen * vat / 100.0)));
      }
    }
    invoiceDrafts.sort(
        Comparator.comparingLong(InvoiceDraft::invoicedAt).thenComparingInt(InvoiceDraft::order));

    record PaymentDraft(
        long dueDay, int invoice, int order, long amountFen, long receivedAt, String method) {}
    List<PaymentDraft> paymentDrafts = new ArrayList<>();
    String[] invoiceNo = new String[invoiceDrafts.size()];
    for (int i = 0; i < invoiceDrafts.size(); i++) {
      InvoiceDraft draft = invoiceDrafts.get(i);
      invoiceNo[i] = "INV" + Organisation.pad(i + 1, 6);
      OrderDraft order = orderDrafts.get(draft.order);
      invoices.add(
          invoiceNo[i],
          orderNo[draft.order],
          TimeText.date(draft.invoicedAt),
          Numbers.money(draft.amountFen),
          Numbers.money(draft.taxFen),
          TimeText.isoTimestamp(draft.invoicedAt));
      SplittableRandom r = world.random().of(RandomStream.ERP_DOCUMENT, order.seed, 2);
      Company company = world.market().companies().get(customers.get(order.customer).company);
      int instalments = r.nextDouble() < 0.8 ? 1 : 2;
      long gross = draft.amountFen + draft.taxFen;
      for (int k = 0; k < instalments; k++) {
        long amount = instalments == 1 ? gross : k == 0 ? gross / 2 : gross - gross / 2;
        long due = TimeText.chinaEpochDay(draft.invoicedAt) + termsOf[order.contract] + k * 90L;
        double median = company.industry() == Industry.TERTIARY_HOSPITAL ? 45 : 10;
        long delayDays = Math.round(Distributions.logNormalWithMedian(r, median, 0.9)) - 8;
        long receivedDay = Math.max(TimeText.chinaEpochDay(draft.invoicedAt) + 1, due + delayDays);
        long received =
            TimeText.chinaStartOfDay(LocalDate.ofEpochDay(receivedDay))
                + 10 * 3600
                + r.nextInt(6 * 3600);
        if (received >= end || r.nextDouble() < 0.03) {
          received = -1;
        }
        double u = r.nextDouble();
        String method = u < 0.8 ? "bank_transfer" : u < 0.95 ? "bank_acceptance_bill" : "cheque";
        paymentDrafts.add(new PaymentDraft(due, i, draft.order, amount, received, method));
      }
      ticketsFor(order, orderNo[draft.order], resolutionHours[order.contract], end);
    }
    paymentDrafts.sort(
        Comparator.comparingLong(PaymentDraft::dueDay)
            .thenComparingInt(PaymentDraft::invoice)
            .thenComparingLong(PaymentDraft::amountFen));
    for (int p = 0; p < paymentDrafts.size(); p++) {
      PaymentDraft draft = paymentDrafts.get(p);
      OrderDraft order = orderDrafts.get(draft.order);
      InvoiceDraft invoice = invoiceDrafts.get(draft.invoice);
      payments.add(
          "PAY" + Organisation.pad(p + 1, 6),
          invoiceNo[draft.invoice],
          contractNo[order.contract],
          customers.get(order.customer).code,
          TimeText.date(LocalDate.ofEpochDay(draft.dueDay)),
          draft.receivedAt >= 0 ? TimeText.date(draft.receivedAt) : null,
          Numbers.money(draft.amountFen),
          draft.method,
          TimeText.isoTimestamp(draft.receivedAt >= 0 ? draft.receivedAt : invoice.invoicedAt));
    }
    finishTickets();
  }

  private final List<String[]> ticketDrafts = new ArrayList<>();
  private final List<Long> ticketOpened = new ArrayList<>();

  private void ticketsFor(OrderDraft order, String orderNo, int resolutionHours, long end) {
    SplittableRandom r = world.random().of(RandomStream.ERP_DOCUMENT, order.seed, 3);
    String line = order.product.productLineCode();
    List<String> types = new ArrayList<>();
    if ((line.equals("PL02") || line.equals("PL04") || line.equals("PL05"))
        && r.nextDouble() < 0.9) {
      types.add("installation");
    }
    if ((line.equals("PL01") || line.equals("PL06")) && r.nextDouble() < 0.5) {
      types.add("training");
    }
    for (int k = Distributions.poisson(r, 0.3); k > 0; k--) {
      types.add("repair");
    }
    if (r.nextDouble() < 0.05) {
      types.add("complaint");
    }
    for (String type : types) {
      long opened =
          order.orderedAt
              + (type.equals("installation") || type.equals("training")
                      ? 3 + r.nextInt(18)
                      : 20 + r.nextInt(300))
                  * DAY
              + r.nextInt(8 * 3600);
      if (opened >= end) {
        continue;
      }
      // Most tickets are resolved within the contract's SLA; about a fifth breach it.
      double hours =
          r.nextDouble() < 0.8
              ? resolutionHours * (0.1 + 0.85 * r.nextDouble())
              : resolutionHours * (1.05 + 2 * r.nextDouble());
      long resolved = opened + (long) (hours * 3600);
      String status =
          resolved >= end
              ? "open"
              : resolved < end - 7 * DAY && r.nextDouble() < 0.8 ? "closed" : "resolved";
      ticketDrafts.add(
          new String[] {
            null,
            orderNo,
            customers.get(order.customer).code,
            type,
            TimeText.isoTimestamp(opened),
            resolved >= end ? null : TimeText.isoTimestamp(resolved),
            status,
            TimeText.isoTimestamp(resolved >= end ? opened : resolved)
          });
      ticketOpened.add(opened);
    }
  }

  private void finishTickets() {
    Integer[] order = indices(ticketDrafts.size());
    Arrays.sort(
        order,
        Comparator.comparingLong((Integer i) -> ticketOpened.get(i)).thenComparingInt(i -> i));
    for (int k = 0; k < order.length; k++) {
      String[] row = ticketDrafts.get(order[k]);
      row[0] = "DT" + Organisation.pad(k + 1, 6);
      tickets.add(row);
    }
  }

  /** The customer code a deal books on: the original, or a later duplicate code now and then. */
  private int customerFor(int company, long day, SplittableRandom r) {
    int original = customerOfCompany[company];
    if (original < 0) {
      throw new IllegalStateException("no ERP customer for company " + company);
    }
    int duplicate = duplicateCode[original];
    if (duplicate >= 0 && customers.get(duplicate).createdDay <= day && r.nextBoolean()) {
      return duplicate;
    }
    return original;
  }

  /** Customer master rows (after the deals, so updated_at can follow the last document). */
  private void writeCustomerRows() {
    long end = world.calendar().end();
    for (Customer customer : customers) {
      Company company = world.market().companies().get(customer.company);
      City city = company.city();
      SplittableRandom r =
          world
              .random()
              .of(RandomStream.CUSTOMER_LIFETIME, customer.company, 3 + customer.duplicateOf);
      long created =
          TimeText.chinaStartOfDay(LocalDate.ofEpochDay(customer.createdDay)) + 10 * 3600;
      long updated =
          r.nextDouble() < 0.3
              ? Math.max(
                  created,
                  world.calendar().sampleInstant(r.nextDouble(), r.nextDouble(), r.nextDouble()))
              : created;
      customerTable.add(
          customer.code,
          company.name().render(customer.variant),
          customer.hasCreditCode ? company.creditCode() : null,
          customer.phoneMissing ? null : company.phone(),
          "finance@" + company.emailDomain(),
          customer.regionMissing
              ? null
              : world.organisation().regions().get(company.regionIndex()).name(),
          city.name()
              + "市"
              + city.districts().get(r.nextInt(city.districts().size()))
              + Cities.ROADS.get(r.nextInt(Cities.ROADS.size()))
              + (1 + r.nextInt(999))
              + "号",
          TimeText.date(LocalDate.ofEpochDay(customer.createdDay)),
          TimeText.isoTimestamp(Math.min(updated, end - 1)));
    }
  }

  /** A product of the line whose list price fits the amount (the cheapest if none does). */
  private static Product pick(SplittableRandom r, String line, long amountFen) {
    List<Product> all = ProductCatalog.productsOf(line);
    List<Product> fitting = all.stream().filter(p -> p.listPriceFen() <= amountFen).toList();
    if (fitting.isEmpty()) {
      return all.stream().min(Comparator.comparingLong(Product::listPriceFen)).orElseThrow();
    }
    return fitting.get(r.nextInt(fitting.size()));
  }

  /** The smallest listed quantity at list price covering the amount (so the discount is >= 0). */
  static int quantityFor(long amountFen, long listPriceFen) {
    for (int quantity : QUANTITIES) {
      if ((double) quantity * listPriceFen >= amountFen && amountFen % quantity == 0) {
        return quantity;
      }
    }
    return 1;
  }

  private static CompanyNameVariant customerVariant(SplittableRandom r, Company company) {
    double u = r.nextDouble();
    if (company.englishSpeaking() && u < 0.4) {
      return CompanyNameVariant.ENGLISH;
    }
    return u < 0.70
        ? CompanyNameVariant.CANONICAL
        : u < 0.80
            ? CompanyNameVariant.CITY_IN_BRACKETS
            : u < 0.86
                ? CompanyNameVariant.HALF_WIDTH_BRACKETS
                : u < 0.92
                    ? CompanyNameVariant.ENGLISH
                    : u < 0.96 ? CompanyNameVariant.SPACED : CompanyNameVariant.FULL_WIDTH_LATIN;
  }

  private static Integer[] indices(int n) {
    Integer[] values = new Integer[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }
}
