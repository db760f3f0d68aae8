package io.ordergate.scalepoint.control;

import static io.ordergate.platform.boundary.StrictJson.bad;
import static io.ordergate.platform.boundary.StrictJson.optionalObject;
import static io.ordergate.platform.boundary.StrictJson.optionalString;

import io.ordergate.platform.boundary.Hashes;
import io.ordergate.platform.boundary.Jsons;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.StrictJson;
import io.ordergate.scalepoint.boundary.CaseInfo;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads Scalepoint events (spec sections 2 and 3) strictly where it matters and tolerantly elsewhere. */
public final class EventParser {

    static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    /** Members holding GUIDs, lower-cased before hashing so that a case change is no new event. */
    static final Set<String> GUID_MEMBERS = Set.of("orderToken", "correlationId", "eventId", "uuid", "token");

    private EventParser() {}

    /** @throws ProblemException 400 for what Scalepoint must fix */
    public static ScalepointEvent parse(byte[] body) {
        var object = StrictJson.object(body);
        var envelope = object;
        String wrapperId = null;
        String wrapperType = null;
        String wrapperTimestamp = null;
        if (!object.containsKey("eventType") && object.get("attributes") instanceof JsonObject attributes) {
            envelope = attributes;
            wrapperId = optionalString(object, "id");
            wrapperType = optionalString(object, "type");
            wrapperTimestamp = optionalString(object, "timestamp");
        }
        var eventType = optionalString(envelope, "eventType");
        if (eventType == null) {
            eventType = wrapperType;
        }
        if (eventType == null || eventType.isBlank()) {
            throw bad(
                    envelope.containsKey("eventType")
                            ? "'eventType' must be a non-empty string."
                            : "'eventType' is required.");
        }
        var orderToken = optionalString(envelope, "orderToken");
        if (orderToken != null && GUID.matcher(orderToken).matches()) {
            orderToken = orderToken.toLowerCase(Locale.ROOT);
        } else if (ScalepointEvent.ORDER_CREATED.equals(eventType)) {
            throw bad(
                    orderToken == null
                            ? "'orderToken' is required for order_created."
                            : "'orderToken' must be a GUID such as BC6270D7-B0FB-434F-BF83-93E361C335CD.");
        } else {
            orderToken = null;
        }
        var version = optionalString(envelope, "payloadVersion");
        boolean supported = version == null || version.equals("1") || version.startsWith("1.");
        var timestampRaw = optionalString(envelope, "timestamp");
        if (timestampRaw == null) {
            timestampRaw = wrapperTimestamp;
        }
        var eventId = optionalString(envelope, "eventId");
        if (eventId == null) {
            eventId = wrapperId;
        }
        var caseObject = optionalObject(envelope, "case");
        var caseInfo = caseObject == null
                ? null
                : new CaseInfo(
                        lower(optionalString(caseObject, "uuid")),
                        optionalString(caseObject, "number"),
                        optionalString(caseObject, "externalClaimId"),
                        optionalString(caseObject, "token"),
                        optionalString(caseObject, "caseType"));
        var dedupeKey = eventId != null && !eventId.isBlank()
                ? "id:" + eventId.toLowerCase(Locale.ROOT)
                : "sha256:" + HexFormat.of().formatHex(Hashes.canonicalJsonSha256(normalised(envelope)));
        return new ScalepointEvent(
                dedupeKey,
                eventType,
                version,
                supported,
                lower(optionalString(envelope, "correlationId")),
                timestamp(timestampRaw),
                timestampRaw,
                orderToken,
                caseInfo);
    }

    /** Every timestamp shape of the spec: offsets with or without colon, 0 to 9 fraction digits, Z. */
    static Instant timestamp(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var normalized = OFFSET_WITHOUT_COLON.matcher(raw.trim()).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(normalized).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // no offset at all: Scalepoint's servers log in UTC
                return LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static JsonObject normalised(JsonObject object) {
        var copy = Jsons.createObjectBuilder();
        object.forEach((name, value) -> {
            if (value instanceof JsonString string && GUID_MEMBERS.contains(name)) {
                copy.add(name, string.getString().toLowerCase(Locale.ROOT));
            } else if (value instanceof JsonObject child) {
                copy.add(name, normalised(child));
            } else {
                copy.add(name, value);
            }
        });
        return copy.build();
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
