/**
 * Fulfilment: the API of the warehouse/ERP ({@code /api/fulfilment}, fulfilment spec), for orders
 * of both platforms. Its clients are OAuth2 {@code client_credentials} clients with scope
 * {@code fulfilment}, managed like the Scalepoint webhook clients
 * ({@code FulfilmentClientsAdminResource}); every request passes {@code FulfilmentApiDoor}, which
 * admits only their bearer tokens, whatever the path's spelling.
 *
 * <p>Above {@code stock}, {@code scayle} and {@code scalepoint}: it keeps one order model for both
 * platforms ({@code ful_order}), fed by the platforms' events in their own transactions (a SCAYLE
 * order enters when it is acknowledged, a Scalepoint order when its Order Data is first fetched,
 * and changes with each new version of it), and the feed of its
 * changes ({@code control.Feed} says how positions are given so that a reader can never skip one).
 *
 * <p>Staff read the orders back through {@link io.ordergate.fulfilment.boundary.FulfilmentOrders}
 * (the console's Orders view and order page: the filtered list, an order's items and its timeline
 * over both platforms), which audits every read and is the one place where staff change an order:
 * marking its attention flag as handled ({@code ful_attention_handled} keeps each handling).
 * <p>What the warehouse reports (shipments, cancellations, returns) is stored with an outbound row
 * per platform ({@code ful_outbound}); for a SCAYLE order the job that passes it on
 * ({@code control.ScayleOutbound}, type {@code fulfilment.scayle-call}) is queued in the same
 * transaction and calls {@link io.ordergate.scayle.boundary.ScayleFulfilmentApi}; the row becomes
 * {@code sent} or {@code dead} with its job. For a Scalepoint order the report is published as an
 * event on Scalepoint's outbox in the same transaction
 * ({@link io.ordergate.scalepoint.boundary.ScalepointPublications#reported}, {@code control.ScalepointOutbound})
 * and the row becomes {@code sent} or {@code dead} with that publication
 * ({@link io.ordergate.scalepoint.boundary.PublicationSettled}); with that kind of event switched
 * off no row is written. {@code Reports.outbound} lists an order's rows with their
 * attempts and errors; staff retry a dead one with {@code OutboundRetry} (the row is pending again
 * and its dead job runs again). {@code FulfilmentActivity} counts what is stuck and what happened
 * per hour for the dashboard.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.fulfilment.boundary.AttentionHandled},
 * {@link io.ordergate.fulfilment.boundary.FeedChange},
 * {@link io.ordergate.fulfilment.boundary.FeedWebhook},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentActivity},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentApiDoor},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentCaller},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentClientCredentials},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentClientsAdminResource},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentFeedResource},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentOrders},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentOrdersAdminResource},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentReportsResource},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentStockResource},
 * {@link io.ordergate.fulfilment.boundary.FulfilmentWebhookAdminResource},
 * {@link io.ordergate.fulfilment.boundary.ItemCounts},
 * {@link io.ordergate.fulfilment.boundary.ItemView},
 * {@link io.ordergate.fulfilment.boundary.OrderDetail},
 * {@link io.ordergate.fulfilment.boundary.OrderFeed},
 * {@link io.ordergate.fulfilment.boundary.OrderFilter},
 * {@link io.ordergate.fulfilment.boundary.OrderSort},
 * {@link io.ordergate.fulfilment.boundary.OrderState},
 * {@link io.ordergate.fulfilment.boundary.OrderSummary},
 * {@link io.ordergate.fulfilment.boundary.OutboundCall},
 * {@link io.ordergate.fulfilment.boundary.OutboundRetry},
 * {@link io.ordergate.fulfilment.boundary.ReportKind},
 * {@link io.ordergate.fulfilment.boundary.Reports},
 * {@link io.ordergate.fulfilment.boundary.TimelineEntry},
 * {@link io.ordergate.fulfilment.boundary.WebhookSecret},
 * {@link io.ordergate.fulfilment.boundary.WebhookStatus}
 * <li>Tables: {@code ful_order},
 * {@code ful_order_item},
 * {@code ful_feed_change},
 * {@code ful_feed_head},
 * {@code ful_report},
 * {@code ful_report_item},
 * {@code ful_outbound},
 * {@code ful_push},
 * {@code ful_webhook_secret},
 * {@code ful_attention_handled}
 * <li>Depends on: platform, audit, credentials, idempotency, jobs, stock, scayle, scalepoint
 * <li>Publishes: none
 * <li>Observes: {@link io.ordergate.scayle.boundary.AdminApiConnected},
 * {@link io.ordergate.scayle.boundary.CancellationApplied},
 * {@link io.ordergate.scayle.boundary.DelegationAccepted},
 * {@link io.ordergate.scalepoint.boundary.OrderDataChanged},
 * {@link io.ordergate.scalepoint.boundary.PublicationSettled}
 * </ul>
 */
package io.ordergate.fulfilment;
