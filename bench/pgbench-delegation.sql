-- pgbench script for ./ordergate bench: the database's ceiling for the work of one new SCAYLE
-- delegation. One transaction with the same INSERTs, columns and row sizes that OrderGate issues
-- for one new order, taken from the statement log (log_statement=all on a bench database) of
--   scayle/control/WebhookGate -> scayle/boundary/Delegations.receive:
--   idempotency/boundary/Idempotency.CLAIM (idem_record with the acknowledgement),
--   audit/boundary/AuditTrail (audit_record; its trigger adds audit_unsealed),
--   scayle/entity Delegation, DelegationAddress (2 rows, one batched statement),
--   DelegationItem (2 rows, one batched statement), DeliveryAttempt (with the raw body).
-- Keep it in sync with those classes (db/tools/generate-volume.sql mirrors the same rows).
-- Not included: what OrderGate does besides these inserts (credential check, connection
-- validation, JSON parsing, hashing), which is exactly what the ratio measures.
-- Ids: one nextval per table family (OrderGate takes blocks of 50), far above OrderGate's ids.
-- Variables from bench.sh: -D run=... -D merchant=... -D payload=... (the raw body: the example wrk
-- sends, fixtures/scayle-order-delegation.json, filled in as bench/delegation.lua does).
BEGIN;
SELECT nextval('scayle_seq') + 1000000000000 AS sid, nextval('audit_record_seq') + 1000000000000 AS aid \gset
INSERT INTO idem_record (scope, idem_key, request_sha256, response_status, response_content_type,
                         response_body, created_at)
VALUES ('scayle.delegation', '["' || :merchant || '","pg-' || :run || '-' || :sid || '"]',
        '\x4f55046427cde1bc380f93f38bd5f27b273b0de135defb0a648cedcbc24af0b8', 201, 'application/json',
        convert_to('{"orderDelegationResult":"acknowledged","referenceKey":"pg-' || :run || '-' || :sid
            || '","merchantReferenceKey":"' || :merchant || '","items":[{"referenceKey":"1968655","merchantReferenceKey":"'
            || :merchant || '","deliverableQuantity":1},{"referenceKey":"1968656","merchantReferenceKey":"'
            || :merchant || '-wh","deliverableQuantity":2}]}', 'UTF8'), now())
ON CONFLICT (scope, idem_key) DO NOTHING;
INSERT INTO audit_record (audit_id, action, actor, actor_type, detail, occurred_at, outcome, payload_ref, request_id,
                          source, subject_key, subject_type)
VALUES (:aid, 'scayle.delegation.received', 'scayle-9d16eafba4969382', 'scayle',
        '{"payloadSha256": "ac19eeeb1985ab51fc57ef90ca96cf17ed240398fd25cce29d4c284c3cf8102c", "responseStatus": "201"}',
        now(), 'created', 'scayle_delivery_attempt:' || (:sid::bigint + 1), 'pg-' || :sid, '127.0.0.1',
        :merchant || '/pg-' || :run || '-' || :sid, 'scayle-order');
INSERT INTO scayle_delegation (delegation_id, cancelled_at, carrier_key, company_id, conflict, country_code,
                               currency_code, customer_email, customer_reference_key, item_count, language_code,
                               merchant_key, order_reference_key, payment_method, received_at, reference_key,
                               scayle_id, scayle_order_id, shop_id, shop_key, status, total_with_tax)
VALUES (:sid, NULL, 'POST_AT', 1000, false, 'AT', 'EUR', 'jane@example.com', '763', 2, 'de_DE', :merchant,
        'pg-' || :run || '-' || :sid || '-o', 'paypal_instant', now(), 'pg-' || :run || '-' || :sid, 15174,
        99110901, 10001, 'fa', 'acknowledged', NULL);
INSERT INTO scayle_delegation_address (kind, delegation_id, additional, city, country_code, first_name,
                                       house_number, last_name, phone_number, street, zip_code)
VALUES ('billing', :sid, NULL, 'Wien', 'AT', 'Jane', '1', 'Doe', NULL, 'Hauptstrasse', '1010'),
       ('shipping', :sid, NULL, 'Wien', 'AT', 'Jane', '2', 'Doe', NULL, 'Ring', '1020');
INSERT INTO scayle_delegation_item (position, delegation_id, currency_code, deliverable_quantity, merchant_key, name,
                                    order_item_id, price, quantity, reference_key, sku, warehouse_reference_key)
VALUES (0, :sid, 'EUR', 1, :merchant, 'Sunglasses X', 1968655, 9900, 1, '1968655', 'SKU-1022643', 'WH1'),
       (1, :sid, 'EUR', 2, :merchant || '-wh', 'Aviator', 1968656, 41890, 2, '1968656', 'SKU-738854', 'WH1');
INSERT INTO scayle_delivery_attempt (attempt_id, cancellation_id, credential, delegation_id, headers, kind,
                                     merchant_key, outcome, payload_sha256, raw_body, received_at, reference_key,
                                     request_id, response_status)
VALUES (:sid::bigint + 1, NULL, 'scayle-9d16eafba4969382', :sid,
        '{"host": "127.0.0.1:26010", "user-agent": "wrk", "content-type": "application/json", "content-length": "1558"}',
        'delegation', :merchant, 'created', 'ac19eeeb1985ab51fc57ef90ca96cf17ed240398fd25cce29d4c284c3cf8102c',
        convert_to(replace(replace(:payload, '{{reference}}', 'pg-' || :run || '-' || :sid), '{{merchant}}', :merchant),
            'UTF8'), now(), 'pg-' || :run || '-' || :sid, 'pg-' || :sid, 201);
COMMIT;
