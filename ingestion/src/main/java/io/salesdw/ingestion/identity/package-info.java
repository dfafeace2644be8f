/**
 * One customer identity across CRM accounts, ERP customers and chat contacts: company-name
 * normalisation, pairwise match rules with their evidence, union-find clustering into unified
 * customer ids, the Spark job writing {@code silver/customer_crosswalk}, and the evaluation against
 * the generator's ground truth.
 */
package io.salesdw.ingestion.identity;
