/**
 * Scalepoint ClaimShop (contract: {@code shared/specs/scalepoint.md}). Never depends on scayle.
 *
 * <ul>
 * <li>Receiving: the events webhook (bearer tokens from the credentials module's {@code /oauth/token},
 * {@code ScalepointEventIntake}) and the long poller ({@code ScalepointPoller} for its status), one
 * pipeline; {@code order_created} creates the order and queues its fetch in one transaction.
 * Received events are listed by {@code ScalepointEvents}.</li>
 * <li>Calling Scalepoint: the connection settings and its test ({@code ScalepointConnection}), the
 * client certificates ({@code ScalepointCertificates}), both resolved for every call by
 * {@code control.OutboundConnection}; the token client ({@code private_key_jwt} or {@code client_secret},
 * cached per scope set), the calls that carry a token ({@code control.AuthorizedCalls}, which forgets a
 * token Scalepoint refused), and the Rest Clients behind Fault Tolerance ({@code ScalepointApi}).</li>
 * <li>Fetching: job type {@code scalepoint.fetch-order}; snapshots and every fetch
 * ({@code OrderSnapshots}); orders and refreshes ({@code ScalepointOrders}, which audits who reads
 * an order's customer data). Open orders are fetched again on a schedule ({@code OrderRefreshes},
 * {@code control.RefreshScheduler}); an Order Data status that closes the order takes it off the
 * schedule and says so in {@code OrderDataChanged}; fulfilment calls {@code OrderRefreshes.finished}
 * when nothing of an order is left to ship.</li>
 * <li>Publishing: an outbox on the job queue, job type {@code scalepoint.publish-event}
 * ({@code ScalepointPublications}); the catalogue is {@code PublishableEvent}, its names and what
 * publishes by itself configuration ({@code control.PublishingConfig}). The fulfilment module
 * hands over each report of a Scalepoint order in its transaction ({@code WarehouseReport}: a
 * delivery or status event) and hears back when the publication settles ({@code PublicationSettled});
 * a stock level change ({@code stock.boundary.StockChanged}, observed in its transaction) queues a
 * debounced job per SKU ({@code scalepoint.stock-event}, {@code control.StockEvents}) that publishes
 * the SKU's level as it is when it runs.</li>
 * </ul>
 *
 * <p>Entities
 * ({@code entity}) map {@code sp_order}, {@code sp_snapshot}, {@code sp_fetch}, {@code sp_event} and
 * {@code sp_publication}; native SQL stays in {@code control} where PostgreSQL is the point (the
 * {@code ON CONFLICT} inserts of events and orders, the poller's lease on the database clock); the connection settings and certificates map {@code sp_connection} and {@code sp_certificate}.
 *
 * <p>Contract (the shape is fixed: {@code ModuleContractsTest} in webapp checks each item against
 * the code, the pom and the migrations):
 * <ul>
 * <li>API: {@link io.ordergate.scalepoint.boundary.CaseInfo},
 * {@link io.ordergate.scalepoint.boundary.CertificateView},
 * {@link io.ordergate.scalepoint.boundary.ConnectionRequest},
 * {@link io.ordergate.scalepoint.boundary.ConnectionTest},
 * {@link io.ordergate.scalepoint.boundary.ConnectionView},
 * {@link io.ordergate.scalepoint.boundary.EventReceipt},
 * {@link io.ordergate.scalepoint.boundary.OrderData},
 * {@link io.ordergate.scalepoint.boundary.OrderDataChanged},
 * {@link io.ordergate.scalepoint.boundary.OrderFilter},
 * {@link io.ordergate.scalepoint.boundary.OrderRefreshes},
 * {@link io.ordergate.scalepoint.boundary.OrderSnapshots},
 * {@link io.ordergate.scalepoint.boundary.OrderStatus},
 * {@link io.ordergate.scalepoint.boundary.PollerStatus},
 * {@link io.ordergate.scalepoint.boundary.PublicationSettled},
 * {@link io.ordergate.scalepoint.boundary.PublicationStatus},
 * {@link io.ordergate.scalepoint.boundary.PublishableEvent},
 * {@link io.ordergate.scalepoint.boundary.RefreshRequested},
 * {@link io.ordergate.scalepoint.boundary.RefreshTick},
 * {@link io.ordergate.scalepoint.boundary.ScalepointCertificates},
 * {@link io.ordergate.scalepoint.boundary.ScalepointCertificatesAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointConnection},
 * {@link io.ordergate.scalepoint.boundary.ScalepointConnectionAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointEventIntake},
 * {@link io.ordergate.scalepoint.boundary.ScalepointEvents},
 * {@link io.ordergate.scalepoint.boundary.ScalepointEventsAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointEventsResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointOrder},
 * {@link io.ordergate.scalepoint.boundary.ScalepointOrderDetail},
 * {@link io.ordergate.scalepoint.boundary.ScalepointOrders},
 * {@link io.ordergate.scalepoint.boundary.ScalepointOrdersAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointPoller},
 * {@link io.ordergate.scalepoint.boundary.ScalepointPollerAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointPublications},
 * {@link io.ordergate.scalepoint.boundary.ScalepointRefreshScheduleAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointStatus},
 * {@link io.ordergate.scalepoint.boundary.ScalepointStatusAdminResource},
 * {@link io.ordergate.scalepoint.boundary.ScalepointWebhookClientsAdminResource},
 * {@link io.ordergate.scalepoint.boundary.WarehouseReport},
 * {@link io.ordergate.scalepoint.boundary.WebhookClientCredentials}
 * <li>Tables: {@code sp_event},
 * {@code sp_order},
 * {@code sp_connection},
 * {@code sp_certificate},
 * {@code sp_snapshot},
 * {@code sp_fetch},
 * {@code sp_publication},
 * {@code sp_poller}
 * <li>Depends on: platform, audit, credentials, jobs, stock
 * <li>Publishes: {@link io.ordergate.scalepoint.boundary.OrderDataChanged},
 * {@link io.ordergate.scalepoint.boundary.PublicationSettled}
 * <li>Observes: {@link io.ordergate.stock.boundary.StockChanged}
 * </ul>
 */
package io.ordergate.scalepoint;
