-- Fills an OrderGate database (already migrated by OrderGate) with realistic volume, for the
-- console's scale figures: :delegations SCAYLE orders with everything one delivery writes
-- (order, 2 items, 2 addresses, the attempt with its raw body, the idempotency record with the
-- acknowledgement, the audit record), spread over the last year and :merchants merchants, plus
-- :audit further audit records (staff reads). Run through ./ordergate generate, which passes
-- :payload, the example delegation the tests and the bench send (fixtures/README.md): every raw
-- body is that example with the order's reference and merchant filled in (the rows' e-mail
-- addresses, SKUs and amounts vary per order instead, for realistic index statistics).
\set ON_ERROR_STOP on
\timing on

BEGIN;
-- Ids above everything the application has handed out; the sequences are moved past them below.
SELECT COALESCE(max(delegation_id), 0) + 1000 AS base_delegation FROM scayle_delegation \gset
SELECT COALESCE(max(attempt_id), 0) + 1000 AS base_attempt FROM scayle_delivery_attempt \gset
SELECT COALESCE(max(cancellation_id), 0) + 1000 AS base_cancellation FROM scayle_cancellation \gset
SELECT GREATEST(:base_delegation, :base_attempt, :base_cancellation) AS base \gset

CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT n,
       :base + n AS delegation_id,
       :base + :delegations + n AS attempt_id,
       'merchant-' || lpad((n % :merchants)::text, 2, '0') AS merchant_key,
       'ref-' || lpad((:base + n)::text, 10, '0') AS reference_key,
       'ref-' || lpad((:base + n)::text, 10, '0') || '-o' AS order_reference_key,
       'customer' || (n % 250000) || '@example.com' AS email,
       now() - make_interval(secs => (n::double precision / :delegations) * 365 * 86400) AS received_at,
       'sku-' || (n % 50000) AS sku1,
       'sku-' || ((n * 7) % 50000) AS sku2
FROM generate_series(1, :delegations) n;

INSERT INTO scayle_delegation (delegation_id, merchant_key, reference_key, order_reference_key, scayle_order_id,
    scayle_id, company_id, shop_id, shop_key, country_code, language_code, payment_method, carrier_key,
    customer_reference_key, customer_email, total_with_tax, currency_code, item_count, status, conflict,
    received_at, cancelled_at)
SELECT delegation_id, merchant_key, reference_key, order_reference_key, 1000000 + n, 2000000 + n, 120, 10001, 'de',
       'DE', 'de', 'klarna', 'dhl', 'cust-' || (n % 250000), email, 8998, 'EUR', 2,
       CASE WHEN n % 50 = 0 THEN 'cancelled' ELSE 'acknowledged' END, n % 400 = 0, received_at,
       CASE WHEN n % 50 = 0 THEN received_at + interval '2 hours' END
FROM gen;

INSERT INTO scayle_delegation_item (delegation_id, position, reference_key, merchant_key, quantity,
    deliverable_quantity, order_item_id, sku, name, currency_code, price, warehouse_reference_key)
SELECT delegation_id, p, reference_key || '-' || p, merchant_key, p, p, 3000000 + n * 2 + p,
       CASE p WHEN 1 THEN sku1 ELSE sku2 END, CASE p WHEN 1 THEN 'Sneaker Classic' ELSE 'Socks 3-pack' END,
       'EUR', CASE p WHEN 1 THEN 7999 ELSE 999 END, 'wh-' || (n % 3)
FROM gen CROSS JOIN generate_series(1, 2) p;

INSERT INTO scayle_delegation_address (delegation_id, kind, first_name, last_name, street, house_number, zip_code,
    city, country_code, phone_number)
SELECT delegation_id, kind, 'Jane', 'Doe ' || (n % 1000), 'Hauptstrasse', (n % 200)::text, '10115', 'Berlin', 'DE',
       '+49301234567'
FROM gen CROSS JOIN unnest(ARRAY['billing', 'shipping']) kind;

INSERT INTO scayle_delivery_attempt (attempt_id, kind, merchant_key, reference_key, delegation_id, request_id,
    received_at, payload_sha256, raw_body, headers, credential, outcome, response_status)
SELECT attempt_id, 'delegation', merchant_key, reference_key, delegation_id, 'req-' || n, received_at,
       encode(sha256(convert_to(reference_key, 'UTF8')), 'hex'),
       convert_to(replace(replace(:'payload', '{{reference}}', reference_key), '{{merchant}}', merchant_key), 'UTF8'),
       '{"content-type":"application/json","user-agent":"SCAYLE"}'::jsonb, 'scayle-generated', 'created', 201
FROM gen;

INSERT INTO idem_record (scope, idem_key, request_sha256, response_status, response_content_type, response_body,
    created_at)
SELECT 'scayle.delegation', '["' || merchant_key || '","' || reference_key || '"]',
       sha256(convert_to(reference_key, 'UTF8')), 201, 'application/json',
       convert_to('{"orderDelegationResult":"successful","referenceKey":"' || reference_key
           || '","merchantReferenceKey":"' || reference_key || '","items":[{"referenceKey":"' || reference_key
           || '-1","deliverableQuantity":1},{"referenceKey":"' || reference_key
           || '-2","deliverableQuantity":2}]}', 'UTF8'),
       received_at
FROM gen;

SELECT COALESCE(max(audit_id), 0) + 1000 AS base_audit FROM audit_record \gset
INSERT INTO audit_record (audit_id, occurred_at, actor_type, actor, action, outcome, subject_type, subject_key,
    source, request_id, payload_ref, detail)
SELECT :base_audit + n, received_at, 'scayle', 'scayle-generated', 'scayle.delegation.received', 'created',
       'scayle-order', merchant_key || '/' || reference_key, '203.0.113.' || (n % 250), 'req-' || n,
       'scayle_delivery_attempt:' || attempt_id,
       jsonb_build_object('payloadSha256', encode(sha256(convert_to(reference_key, 'UTF8')), 'hex'),
                          'responseStatus', '201')
FROM gen;

INSERT INTO audit_record (audit_id, occurred_at, actor_type, actor, action, outcome, subject_type, subject_key,
    source, detail)
SELECT :base_audit + :delegations + n, now() - make_interval(secs => (n::double precision / GREATEST(:audit, 1))
           * 365 * 86400), 'user', 'staff-' || (n % 12), 'scayle.delegation.viewed', 'done', 'scayle-order',
       'merchant-' || lpad(((n % GREATEST(:delegations, 1) + 1) % :merchants)::text, 2, '0') || '/ref-'
           || lpad((:base + n % GREATEST(:delegations, 1) + 1)::text, 10, '0'),
       '10.0.0.' || (n % 20), '{}'::jsonb
FROM generate_series(1, :audit) n;

-- EclipseLink takes blocks of 50 below each sequence value: move the sequences past the new ids.
SELECT setval('scayle_seq', ((:base + 2 * :delegations) / 50 + 2) * 50);
SELECT setval('audit_record_seq', ((:base_audit + :delegations + :audit) / 50 + 2) * 50);
COMMIT;

-- Fresh statistics and visibility maps, as autovacuum would leave them after a while.
VACUUM ANALYZE scayle_delegation;
VACUUM ANALYZE scayle_delegation_item;
VACUUM ANALYZE scayle_delegation_address;
VACUUM ANALYZE scayle_delivery_attempt;
VACUUM ANALYZE idem_record;
VACUUM ANALYZE audit_record;
SELECT (SELECT count(*) FROM scayle_delegation) AS delegations, (SELECT count(*) FROM audit_record) AS audit_records;
