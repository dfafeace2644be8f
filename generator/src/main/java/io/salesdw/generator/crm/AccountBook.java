package io.salesdw.generator.crm;

import io.salesdw.generator.market.Company;
import io.salesdw.generator.market.Person;
import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Rep;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.text.CompanyNameVariant;
import io.salesdw.generator.time.SalesCalendar;
import io.salesdw.generator.time.TimeText;
import io.salesdw.generator.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The CRM's accounts and contacts: every earlier customer, every company with a converted lead and
 * some prospects reps opened by hand — plus duplicates, the same company entered again under a name
 * variant.
 */
public final class AccountBook {
  /** Share of accounts entered a second time (the duplicate groups of account-identity.csv). */
  public static final double DUPLICATE_RATE = 0.04;

  /** Share of original accounts with a unified social credit code filled in. */
  static final double CREDIT_CODE_SHARE = 0.72;

  public static final double INDUSTRY_MISSING_RATE = 0.02;
  public static final double CITY_MISSING_RATE = 0.03;
  public static final double PHONE_MISSING_RATE = 0.05;
  public static final double CONTACT_TITLE_MISSING_RATE = 0.06;
  public static final double CONTACT_PHONE_MISSING_RATE = 0.04;

  private static final long DAY = 86_400;

  private final List<Account> accounts;
  private final List<Contact> contacts;

  /** Accounts of each company, originals first. */
  private final int[][] accountsByCompany;

  /** Contacts of each account. */
  private final int[][] contactsByAccount;

  private AccountBook(List<Account> accounts, List<Contact> contacts, int companies) {
    this.accounts = List.copyOf(accounts);
    this.contacts = List.copyOf(contacts);
    List<List<Integer>> byCompany = new ArrayList<>();
    for (int i = 0; i < companies; i++) {
      byCompany.add(new ArrayList<>(1));
    }
    accounts.stream()
        .sorted(
            Comparator.comparingInt((Account a) -> a.duplicateOf >= 0 ? 1 : 0)
                .thenComparingInt(a -> a.index))
        .forEach(a -> byCompany.get(a.companyIndex).add(a.index));
    accountsByCompany = new int[companies][];
    for (int i = 0; i < companies; i++) {
      accountsByCompany[i] = byCompany.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    List<List<Integer>> byAccount = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      byAccount.add(new ArrayList<>(3));
    }
    for (Contact contact : contacts) {
      byAccount.get(contact.accountIndex).add(contact.index);
    }
    contactsByAccount = new int[accounts.size()][];
    for (int i = 0; i < accounts.size(); i++) {
      contactsByAccount[i] = byAccount.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  public List<Account> accounts() {
    return accounts;
  }

  public List<Contact> contacts() {
    return contacts;
  }

  /** The accounts of a company (original first), possibly none. */
  public int[] accountsOf(int companyIndex) {
    return accountsByCompany[companyIndex];
  }

  /** The rep owning the account at the instant. */
  public int ownerAt(int accountIndex, long t) {
    return accounts.get(accountIndex).ownerAt(t);
  }

  /** Whether the account is a duplicate of another account of the same company. */
  public boolean isDuplicate(Account account) {
    return account.duplicateOf >= 0;
  }

  /** The contacts of an account. */
  public int[] contactsOf(int accountIndex) {
    return contactsByAccount[accountIndex];
  }

  /** Builds the accounts from the companies and the leads' conversions. */
  public static AccountBook build(World world, List<Lead> leads) {
    SalesCalendar calendar = world.calendar();
    List<Company> companies = world.market().companies();
    long[] firstConversion = new long[companies.size()];
    Arrays.fill(firstConversion, Long.MAX_VALUE);
    int[] convertingRep = new int[companies.size()];
    for (Lead lead : leads) {
      if (lead.convertedAt >= 0 && lead.convertedAt < firstConversion[lead.companyIndex]) {
        firstConversion[lead.companyIndex] = lead.convertedAt;
        convertingRep[lead.companyIndex] = lead.ownerAt(lead.convertedAt);
      }
    }

    List<Draft> drafts = new ArrayList<>();
    for (Company company : companies) {
      SplittableRandom r = world.random().of(RandomStream.ACCOUNT, company.index());
      long created;
      int owner;
      if (company.isHistoricCustomer()) {
        long acquired =
            TimeText.chinaStartOfDay(java.time.LocalDate.ofEpochDay(company.acquiredDay()));
        created = acquired - (10 + r.nextInt(110)) * DAY + 10 * 3600 + r.nextInt(7 * 3600);
        owner = ownerFor(world, company, Math.max(created, calendar.start()), r);
      } else if (firstConversion[company.index()] != Long.MAX_VALUE) {
        created = firstConversion[company.index()] - 120 - r.nextInt(1800);
        owner = convertingRep[company.index()];
      } else if (r.nextDouble() < 0.08) {
        created =
            r.nextDouble() < 0.6
                ? calendar.start()
                    - (1 + r.nextInt(3 * 365)) * DAY
                    + 10 * 3600
                    + r.nextInt(7 * 3600)
                : calendar.sampleInstant(r.nextDouble(), r.nextDouble(), r.nextDouble());
        owner = ownerFor(world, company, Math.max(created, calendar.start()), r);
      } else {
        continue;
      }
      CompanyNameVariant variant = originalVariant(r);
      drafts.add(
          new Draft(
              company.index(), created, variant, -1, r.nextDouble() < CREDIT_CODE_SHARE, owner, r));
      if (r.nextDouble() < DUPLICATE_RATE) {
        long duplicateCreated = created + (20 + r.nextInt(280)) * DAY + r.nextInt(8 * 3600);
        if (duplicateCreated < calendar.end()) {
          int duplicateOwner =
              r.nextBoolean()
                  ? owner
                  : ownerFor(world, company, Math.max(duplicateCreated, calendar.start()), r);
          drafts.add(
              new Draft(
                  company.index(),
                  duplicateCreated,
                  duplicateVariant(r, company),
                  drafts.size() - 1,
                  r.nextDouble() < 0.2,
                  duplicateOwner,
                  r));
        }
      }
    }

    Integer[] order = new Integer[drafts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparingLong((Integer i) -> drafts.get(i).created).thenComparingInt(i -> i));
    int[] rankOf = new int[drafts.size()];
    for (int rank = 0; rank < order.length; rank++) {
      rankOf[order[rank]] = rank;
    }
    List<Account> accounts = new ArrayList<>(drafts.size());
    for (int rank = 0; rank < order.length; rank++) {
      Draft draft = drafts.get(order[rank]);
      Company company = companies.get(draft.company);
      SplittableRandom r = draft.random;
      Account account =
          new Account(
              rank,
              "A" + Organisation.pad(rank + 1, 5),
              draft.company,
              draft.created,
              draft.variant,
              company.name().render(draft.variant),
              draft.duplicateOf >= 0 ? rankOf[draft.duplicateOf] : -1,
              draft.hasCreditCode,
              draft.owner,
              draft.duplicateOf >= 0 && r.nextBoolean()
                  ? world.market().peopleOf(company).get(0).mobile()
                  : company.phone(),
              "info@" + company.emailDomain());
      Rep owner = world.organisation().reps().get(draft.owner);
      if (owner.leftAt() < calendar.end()) {
        long at = Math.max(owner.leftAt(), draft.created) + DAY;
        account.successorRep = world.organisation().managerOf(owner, owner.leftAt() - 1).index();
        account.successorAt = Math.min(at, calendar.end() - 3600);
      }
      if (r.nextDouble() < 0.15) {
        long edit = calendar.sampleInstant(r.nextDouble(), r.nextDouble(), r.nextDouble());
        if (edit > draft.created) {
          account.editedAt = edit;
        }
      }
      SplittableRandom defects = world.random().of(RandomStream.DEFECT, rank, 2);
      account.industryMissing = defects.nextDouble() < INDUSTRY_MISSING_RATE;
      account.cityMissing = defects.nextDouble() < CITY_MISSING_RATE;
      account.phoneMissing = defects.nextDouble() < PHONE_MISSING_RATE;
      accounts.add(account);
    }

    List<Contact> contacts = contactsOf(world, accounts, leads);
    return new AccountBook(accounts, contacts, companies.size());
  }

  private static List<Contact> contactsOf(World world, List<Account> accounts, List<Lead> leads) {
    long[][] leadPersonSince = new long[world.market().people().size()][];
    for (Lead lead : leads) {
      if (lead.convertedAt >= 0) {
        long[] previous = leadPersonSince[lead.personIndex];
        if (previous == null || previous[0] > lead.convertedAt) {
          leadPersonSince[lead.personIndex] = new long[] {lead.convertedAt};
        }
      }
    }
    record ContactDraft(int account, int person, long created) {}
    List<ContactDraft> drafts = new ArrayList<>();
    for (Account account : accounts) {
      SplittableRandom r =
          world.random().of(RandomStream.ACCOUNT, account.companyIndex, 7 + account.index);
      Company company = world.market().companies().get(account.companyIndex);
      List<Person> people = world.market().peopleOf(company);
      int known =
          account.duplicateOf >= 0 ? r.nextInt(3) : Math.min(people.size(), 1 + r.nextInt(4));
      for (int p = 0; p < people.size(); p++) {
        Person person = people.get(p);
        long[] since = leadPersonSince[person.index()];
        boolean fromLead = since != null && account.duplicateOf < 0;
        if (p < known || fromLead) {
          long created =
              fromLead
                  ? Math.max(account.createdAt, since[0] - 60)
                  : account.createdAt + 60 + r.nextInt(30 * 86_400);
          drafts.add(new ContactDraft(account.index, person.index(), created));
        }
      }
    }
    List<ContactDraft> sorted =
        drafts.stream()
            .sorted(
                Comparator.comparingLong(ContactDraft::created)
                    .thenComparingInt(ContactDraft::account)
                    .thenComparingInt(ContactDraft::person))
            .toList();
    List<Contact> contacts = new ArrayList<>(sorted.size());
    for (ContactDraft draft : sorted) {
      int index = contacts.size();
      Contact contact =
          new Contact(
              index,
              "C" + Organisation.pad(index + 1, 6),
              draft.account,
              draft.person,
              draft.created);
      SplittableRandom defects = world.random().of(RandomStream.DEFECT, index, 3);
      contact.titleMissing = defects.nextDouble() < CONTACT_TITLE_MISSING_RATE;
      contact.phoneMissing = defects.nextDouble() < CONTACT_PHONE_MISSING_RATE;
      contacts.add(contact);
    }
    return contacts;
  }

  private static int ownerFor(World world, Company company, long at, SplittableRandom r) {
    return world.organisation().salesRepFor(company.regionIndex(), at, 0, r.nextDouble()).index();
  }

  private static CompanyNameVariant originalVariant(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.85
        ? CompanyNameVariant.CANONICAL
        : u < 0.93
            ? CompanyNameVariant.SHORT
            : u < 0.97 ? CompanyNameVariant.NO_SUFFIX : CompanyNameVariant.SPACED;
  }

  private static CompanyNameVariant duplicateVariant(SplittableRandom r, Company company) {
    double u = r.nextDouble();
    if (u < 0.28) {
      return CompanyNameVariant.SHORT;
    }
    if (u < 0.46) {
      return CompanyNameVariant.NO_CITY;
    }
    if (u < 0.60) {
      return CompanyNameVariant.CITY_IN_BRACKETS;
    }
    if (u < 0.72) {
      return CompanyNameVariant.NO_SUFFIX;
    }
    if (u < 0.80) {
      return CompanyNameVariant.HALF_WIDTH_BRACKETS;
    }
    if (u < 0.90) {
      return CompanyNameVariant.PINYIN;
    }
    return company.englishSpeaking() || u < 0.95
        ? CompanyNameVariant.ENGLISH
        : CompanyNameVariant.FULL_WIDTH_LATIN;
  }

  private record Draft(
      int company,
      long created,
      CompanyNameVariant variant,
      int duplicateOf,
      boolean hasCreditCode,
      int owner,
      SplittableRandom random) {}
}
