-- scalepoint: what caused a publication (issue 13: events published by themselves). cause is
-- 'ful_outbound:{id}' for a shipment, cancellation or return the warehouse reported (the
-- fulfilment module keeps that row in step with the publication), 'stock:{sku}' for a stock
-- level, null for an event a person published. attempts: the tries of its send job so far.
ALTER TABLE sp_publication ADD COLUMN cause TEXT;
ALTER TABLE sp_publication ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sp_publication_cause_idx ON sp_publication (cause) WHERE cause IS NOT NULL;
