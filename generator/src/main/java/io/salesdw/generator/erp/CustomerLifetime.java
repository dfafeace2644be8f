package io.salesdw.generator.erp;

/**
 * One ERP customer's true repeat-buying behaviour under the BG/NBD process: a purchase rate per
 * month while alive, and the probability of dropping out after each repeat purchase.
 *
 * @param purchaseDays epoch days of every purchase occasion up to the year end, first included
 * @param droppedOutDay epoch day of the purchase after which the customer dropped out, or -1
 */
record CustomerLifetime(
    double purchaseRatePerMonth,
    double dropoutProbability,
    long[] purchaseDays,
    long droppedOutDay) {}
