package io.salesdw.generator.market;

import io.salesdw.generator.org.Organisation;
import io.salesdw.generator.org.Volumes;
import io.salesdw.generator.random.Distributions;
import io.salesdw.generator.random.EntityRandom;
import io.salesdw.generator.random.RandomStream;
import io.salesdw.generator.text.Cities;
import io.salesdw.generator.text.City;
import io.salesdw.generator.text.CompanyName;
import io.salesdw.generator.text.CompanyVocabulary;
import io.salesdw.generator.text.CreditCodes;
import io.salesdw.generator.text.NamePart;
import io.salesdw.generator.text.PersonName;
import io.salesdw.generator.text.PersonNames;
import io.salesdw.generator.text.PhoneNumbers;
import io.salesdw.generator.time.SalesCalendar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The companies of the market and the people in them, with unique registered names. Some companies
 * became customers in the years before the simulated one; the rest are prospects.
 */
public final class Market {
  /** Years of customer history before the simulated year. */
  public static final int HISTORY_YEARS = 5;

  private static final String[][] TITLES = {
    {"总经理", "副总裁", "采购总监", "财务总监", "CIO", "董事长"},
    {"IT经理", "采购经理", "运营经理", "信息科主任", "技术负责人", "部门经理"},
    {"专员", "工程师", "店长", "护士长", "行政主管", "数据分析师"}
  };
  private static final String[][] HOSPITAL_TITLES = {
    {"院长", "副院长", "信息中心主任"}, {"信息科主任", "设备科科长", "医务处处长"}, {"工程师", "护士长", "科员"}
  };

  private final List<Company> companies;
  private final List<Person> people;

  private Market(List<Company> companies, List<Person> people) {
    this.companies = List.copyOf(companies);
    this.people = List.copyOf(people);
  }

  public List<Company> companies() {
    return companies;
  }

  public List<Person> people() {
    return people;
  }

  /** The people of a company. */
  public List<Person> peopleOf(Company company) {
    return people.subList(company.firstPerson(), company.firstPerson() + company.personCount());
  }

  /** Builds the market for the organisation's regions. */
  public static Market build(
      Volumes volumes, Organisation organisation, EntityRandom random, SalesCalendar calendar) {
    List<City> cities = new ArrayList<>();
    List<Double> cityWeights = new ArrayList<>();
    for (int region = 0; region < organisation.regions().size(); region++) {
      List<City> inRegion = Cities.inRegion(organisation.regions().get(region).name());
      for (int i = 0; i < inRegion.size(); i++) {
        cities.add(inRegion.get(i));
        // The first city of a region is its biggest market.
        cityWeights.add(
            Cities.REGION_WEIGHTS.get(region) * (i == 0 ? 3.0 : 1.0) / (inRegion.size() + 2));
      }
    }
    double[] cumulativeCities =
        Distributions.cumulative(cityWeights.stream().mapToDouble(Double::doubleValue).toArray());
    Industry[] industries = Industry.values();
    double[] industryWeights = new double[industries.length];
    for (int i = 0; i < industries.length; i++) {
      industryWeights[i] = industries[i].marketShare();
    }
    double[] cumulativeIndustries = Distributions.cumulative(industryWeights);
    double[] cumulativeSuffixes = Distributions.cumulative(CompanyVocabulary.suffixWeights());

    // Historic customers: a fixed number of companies spread over the history years.
    int companyCount = volumes.companies();
    boolean[] historic = new boolean[companyCount];
    SplittableRandom pick = random.of(RandomStream.COMPANY, -1);
    int marked = 0;
    while (marked < Math.min(volumes.historicCustomers(), companyCount / 2)) {
      int index = pick.nextInt(companyCount);
      if (!historic[index]) {
        historic[index] = true;
        marked++;
      }
    }

    Set<String> names = new HashSet<>();
    List<Company> companies = new ArrayList<>(companyCount);
    List<Person> people = new ArrayList<>(companyCount * 4);
    long firstHistoryDay = calendar.date(0).minusYears(HISTORY_YEARS).toEpochDay();
    long historyDays = calendar.date(0).toEpochDay() - firstHistoryDay;
    for (int index = 0; index < companyCount; index++) {
      SplittableRandom r = random.of(RandomStream.COMPANY, index);
      City city = cities.get(Distributions.weighted(r, cumulativeCities));
      int regionIndex = Cities.REGION_NAMES.indexOf(city.regionName());
      Industry industry = industries[Distributions.weighted(r, cumulativeIndustries)];
      CompanyName name = uniqueName(r, city, industry, cumulativeSuffixes, names);
      boolean english = r.nextDouble() < 0.05;
      String domain =
          name.core().pinyin().isEmpty()
              ? city.pinyin().toLowerCase(Locale.ROOT).replace("'", "") + "-hospital.cn"
              : name.core().pinyin().toLowerCase(Locale.ROOT)
                  + "-"
                  + industrySlug(industry)
                  + ".cn";
      int personCount = 2 + r.nextInt(5);
      int firstPerson = people.size();
      for (int p = 0; p < personCount; p++) {
        people.add(person(random, people.size(), index, industry, p, domain));
      }
      long acquiredDay = historic[index] ? firstHistoryDay + r.nextInt((int) historyDays) : -1;
      companies.add(
          new Company(
              index,
              "CO" + Organisation.pad(index + 1, 6),
              name,
              industry,
              city,
              regionIndex,
              CreditCodes.random(
                  r,
                  city.divisionCode().substring(0, 4) + Organisation.pad(1 + r.nextInt(15), 2),
                  "91"),
              PhoneNumbers.landline(r, city),
              domain,
              english,
              firstPerson,
              personCount,
              acquiredDay));
    }
    return new Market(companies, people);
  }

  private static CompanyName uniqueName(
      SplittableRandom r, City city, Industry industry, double[] suffixes, Set<String> taken) {
    for (int attempt = 0; ; attempt++) {
      // Single brand cores first; once a city's names get crowded, two cores make a longer brand.
      NamePart core = attempt < 20 ? core(r) : combined(core(r), core(r));
      CompanyName name;
      if (industry == Industry.TERTIARY_HOSPITAL) {
        name =
            attempt < 3
                ? new CompanyName(
                    city,
                    CompanyVocabulary.NO_CORE,
                    CompanyVocabulary.HOSPITAL_TYPES.get(
                        r.nextInt(CompanyVocabulary.HOSPITAL_TYPES.size())),
                    CompanyVocabulary.NO_CORE,
                    true)
                : new CompanyName(
                    city, core, CompanyVocabulary.BRAND_HOSPITAL, CompanyVocabulary.NO_CORE, true);
      } else {
        List<NamePart> words = CompanyVocabulary.INDUSTRY_WORDS.get(industry.label());
        name =
            new CompanyName(
                city,
                core,
                words.get(r.nextInt(words.size())),
                CompanyVocabulary.SUFFIXES.get(Distributions.weighted(r, suffixes)),
                false);
      }
      if (taken.add(name.canonical())) {
        return name;
      }
      if (attempt > 400) {
        throw new IllegalStateException("company name vocabulary exhausted in " + city.name());
      }
    }
  }

  private static NamePart core(SplittableRandom r) {
    return CompanyVocabulary.CORES.get(r.nextInt(CompanyVocabulary.CORES.size()));
  }

  private static NamePart combined(NamePart first, NamePart second) {
    String chinese = first.chinese() + second.chinese();
    String pinyin = first.pinyin() + second.pinyin().toLowerCase(Locale.ROOT);
    return new NamePart(chinese, chinese, pinyin, pinyin);
  }

  private static String industrySlug(Industry industry) {
    return switch (industry) {
      case TERTIARY_HOSPITAL -> "hospital";
      case PRIVATE_DENTAL -> "dental";
      case FMCG -> "foods";
      case SAAS -> "tech";
      case MANUFACTURING -> "mfg";
      case EDUCATION -> "edu";
      case RETAIL_CHAIN -> "retail";
    };
  }

  private static Person person(
      EntityRandom random,
      int index,
      int companyIndex,
      Industry industry,
      int position,
      String domain) {
    SplittableRandom r = random.of(RandomStream.PERSON, index);
    PersonName name = PersonNames.random(r);
    // The first person is the key decision maker, the next one or two influence, the rest use.
    DecisionRole role =
        position == 0
            ? DecisionRole.KP
            : position <= 2 ? DecisionRole.Influencer : DecisionRole.User;
    String[][] titles = industry == Industry.TERTIARY_HOSPITAL ? HOSPITAL_TITLES : TITLES;
    String[] choices = titles[role.ordinal()];
    String title = choices[r.nextInt(choices.length)];
    String mobile = PhoneNumbers.mobile(r);
    String email =
        r.nextDouble() < 0.75
            ? name.login() + "@" + domain
            : r.nextBoolean() ? mobile.substring(1) + "@qq.com" : name.login() + "@163.com";
    Optional<String> wecom =
        r.nextDouble() < 0.72 ? Optional.of(externalUserId(random, index)) : Optional.empty();
    return new Person(index, companyIndex, name, title, role, mobile, email, wecom);
  }

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /**
   * A WeCom external user id ("wm" and 30 characters): the first eleven encode a bijective mix of
   * the person's index, so ids are unique without a lookup.
   */
  static String externalUserId(EntityRandom random, int index) {
    StringBuilder out = new StringBuilder(32).append("wm");
    long unique = EntityRandom.mix64(index + 0x5DEECE66DL);
    for (int i = 0; i < 11; i++) {
      out.append(BASE62.charAt((int) Long.remainderUnsigned(unique, 62)));
      unique = Long.divideUnsigned(unique, 62);
    }
    SplittableRandom r = random.of(RandomStream.CHAT_CONTACT, index, 99);
    for (int i = 0; i < 19; i++) {
      out.append(BASE62.charAt(r.nextInt(62)));
    }
    return out.toString();
  }
}
