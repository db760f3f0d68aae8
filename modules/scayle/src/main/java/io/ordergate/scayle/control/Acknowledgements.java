package io.ordergate.scayle.control;

import io.ordergate.platform.boundary.Jsons;
import io.ordergate.scayle.boundary.CancellationRequest;
import io.ordergate.scayle.boundary.DelegationRequest;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** The response bodies of the two webhooks, field by field as in the spec (sections 4 and 6). */
public final class Acknowledgements {

    private Acknowledgements() {}

    /** @param deliverable one quantity per item, in request order */
    public static byte[] delegation(DelegationRequest order, List<Integer> deliverable) {
        var out = new ByteArrayOutputStream(256);
        try (var json = Jsons.createGenerator(out)) {
            json.writeStartObject()
                    .write("orderDelegationResult", "acknowledged")
                    .write("referenceKey", order.referenceKey())
                    .write("merchantReferenceKey", order.fulfillingMerchantKey())
                    .writeStartArray("items");
            for (int i = 0; i < order.items().size(); i++) {
                var item = order.items().get(i);
                json.writeStartObject()
                        .write("referenceKey", item.referenceKey())
                        .write("merchantReferenceKey", item.merchantKey())
                        .write("deliverableQuantity", deliverable.get(i))
                        .writeEnd();
            }
            json.writeEnd().writeEnd();
        }
        return out.toByteArray();
    }

    public static byte[] cancellation(CancellationRequest request) {
        var out = new ByteArrayOutputStream(128);
        try (var json = Jsons.createGenerator(out)) {
            json.writeStartObject()
                    .write("orderReferenceKey", request.orderReferenceKey())
                    .write("cancellationResult", "successful")
                    .writeEnd();
        }
        return out.toByteArray();
    }
}
