/**
 * The staff console: a Vaadin Flow back office in the same WAR, served at {@code /} next to the
 * REST API under {@code /api}.
 *
 * <p>One package per feature: {@code access} (form login through Jakarta Security against the
 * credentials module's users, logout, session timeout, and the server-side check of every view's
 * {@code @RolesAllowed} / {@code @PermitAll} / {@code @AnonymousAllowed} before it opens),
 * {@code layout} (the shell with the navigation a role may use), {@code ui} (shared pieces: times in
 * the browser's time zone, lazy paging over the facades' pages, detail forms and tables, JSON
 * display, line differences, copying, credentials shown once), {@code dashboard} (with what is stuck and hourly bar charts), {@code orders} (both platforms' orders, an order's items and timeline,
 * its calls to the platform with a retry of dead ones, marking its attention flag handled), {@code delegations}, {@code scalepoint} (orders, their Order Data
 * versions and differences, refresh with pushed progress, publishing events), {@code stock}
 * (levels, reservations, the journal, and a CSV upload of levels with a per-line preview), {@code jobs},
 * {@code credentials} (SCAYLE merchants and their settings, Scalepoint webhook clients and connection,
 * fulfilment API clients, the order feed's push, the SCAYLE Admin API connection),
 * {@code audit} (the trail, an order's history, chain verification, exports) and {@code users}.
 * The shell ({@code layout.ConsoleShell}) turns on server push, over long polling. Roles:
 * {@code admin}, {@code staff}, {@code auditor}.
 *
 * <p>Nothing depends on the console, so it has no API; it owns no tables: views read and act only
 * through other modules' {@code boundary} facades and records, never JPA. Configuration:
 * {@code ordergate.console.session-timeout}; the login's absolute lifetime
 * ({@code ordergate.console.session-lifetime}) is enforced by the credentials module.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: none
 * <li>Tables: none
 * <li>Depends on: platform, audit, credentials, jobs, stock, scayle, scalepoint, fulfilment
 * <li>Publishes: none
 * <li>Observes: none
 * </ul>
 */
package io.ordergate.console;
