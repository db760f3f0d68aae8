package io.ordergate.console.scalepoint;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.shared.Registration;
import io.ordergate.console.ui.Values;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.scalepoint.boundary.PublishableEvent;
import io.ordergate.scalepoint.boundary.PublishableEvent.Field;
import io.ordergate.scalepoint.boundary.ScalepointPublications.PublicationView;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The form for publishing an event about an order to Scalepoint: the event type decides which
 * fields show and which are required ({@link EventDraft}); the form checks them as they are
 * typed and once more on submit, and then raises a {@link PublishEvent}. The view publishes and
 * reports back with {@link #published} or {@link #refused}.
 */
class PublishForm extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final Select<PublishableEvent> eventType = new Select<>();
    final ComboBox<String> status = new ComboBox<>("Status");
    final TextField trackingNumber = new TextField("Tracking number");
    final TextField carrier = new TextField("Carrier");
    final DatePicker expectedDeliveryDate = new DatePicker("Expected delivery date");
    final TextArea comment = new TextArea("Comment");
    final Button submit = new Button("Publish event");
    final Span problem = new Span();
    final Span result = new Span();
    final Binder<EventDraft> binder = new Binder<>();
    final ZoneId zone;

    /**
     * @param zone the user's zone, for "today"
     * @param names the name Scalepoint gets for each event (configuration)
     */
    PublishForm(ZoneId zone, Map<PublishableEvent, String> names) {
        this.zone = zone;
        setId("publish-form");
        setPadding(false);
        eventType.setLabel("Event type");
        eventType.setId("publish-type");
        eventType.setItems(EventDraft.EVENT_TYPES);
        eventType.setItemLabelGenerator(event -> names.getOrDefault(event, event.defaultType()));
        eventType.setValue(EventDraft.STATUS_CHANGED);
        status.setId("publish-status");
        status.setItems(EventDraft.STATUSES);
        status.setAllowCustomValue(true);
        status.setHelperText("Scalepoint's status names are not public: pick one or type another");
        // a typed status that is not among the suggestions is the value as typed
        status.addCustomValueSetListener(typed -> status.setValue(typed.getDetail()));
        trackingNumber.setId("publish-tracking");
        carrier.setId("publish-carrier");
        expectedDeliveryDate.setId("publish-expected");
        expectedDeliveryDate.setLocale(Locale.CANADA); // ISO dates: 2026-03-01, as sent
        expectedDeliveryDate.setI18n(new DatePicker.DatePickerI18n()
                .setBadInputErrorMessage("Expected delivery date: not a date (use e.g. 2026-03-01)."));
        comment.setId("publish-comment");
        comment.setMaxLength(EventDraft.MAX_COMMENT);
        submit.setId("publish-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        problem.setId("publish-error");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        result.setId("publish-result");

        binder.forField(eventType)
                .withValidator(check(EventDraft::eventTypeProblem))
                .bind(d -> d.eventType, (d, v) -> d.eventType = v);
        binder.forField(status)
                .withValidator(check(v -> EventDraft.statusProblem(eventType.getValue(), v)))
                .bind(d -> d.status, (d, v) -> d.status = v);
        binder.forField(trackingNumber)
                .withValidator(check(v -> EventDraft.trackingNumberProblem(eventType.getValue(), v)))
                .bind(d -> d.trackingNumber, (d, v) -> d.trackingNumber = v);
        binder.forField(carrier)
                .withValidator(check(v -> EventDraft.carrierProblem(eventType.getValue(), v)))
                .bind(d -> d.carrier, (d, v) -> d.carrier = v);
        binder.forField(expectedDeliveryDate)
                .withValidator(check(
                        v -> EventDraft.expectedDeliveryDateProblem(eventType.getValue(), v, LocalDate.now(zone))))
                .bind(d -> d.expectedDeliveryDate, (d, v) -> d.expectedDeliveryDate = v);
        binder.forField(comment)
                .withValidator(check(EventDraft::commentProblem))
                .bind(d -> d.comment, (d, v) -> d.comment = v);
        eventType.addValueChangeListener(change -> showFieldsOf(change.getValue()));
        showFieldsOf(eventType.getValue());

        var fields = Values.form(3);
        fields.add(eventType, status, trackingNumber, carrier, expectedDeliveryDate, comment);
        fields.setColspan(comment, 3);
        var actions = new HorizontalLayout(submit, problem, result);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(fields, actions);
    }

    static <T> Validator<T> check(Function<T, String> problem) {
        return (value, context) -> {
            var message = problem.apply(value);
            return message == null ? ValidationResult.ok() : ValidationResult.error(message);
        };
    }

    void showFieldsOf(PublishableEvent type) {
        show(status, type, Field.STATUS);
        show(trackingNumber, type, Field.TRACKING_NUMBER);
        show(carrier, type, Field.CARRIER);
        show(expectedDeliveryDate, type, Field.EXPECTED_DELIVERY_DATE);
        show(comment, type, Field.COMMENT);
    }

    static <F extends Component & HasValueAndElement<?, ?>> void show(F field, PublishableEvent type, Field name) {
        field.setVisible(EventDraft.carries(type, name));
        field.setRequiredIndicatorVisible(EventDraft.requires(type, name));
    }

    void submit() {
        result.setText("");
        var draft = new EventDraft();
        if (!binder.writeBeanIfValid(draft) || expectedDeliveryDate.isInvalid() && expectedDeliveryDate.isVisible()) {
            problem.setText("Not published: correct the marked fields.");
            return;
        }
        problem.setText("");
        fireEvent(new PublishEvent(this, draft));
    }

    /** Shows the queued publication and empties the form for the next event. */
    void published(PublicationView publication) {
        problem.setText("");
        result.setText("Queued " + publication.eventType() + " with correlation id " + publication.correlationId()
                + " (" + LowerCaseEnum.wire(publication.status()) + ").");
        var type = eventType.getValue();
        binder.readBean(new EventDraft());
        eventType.setValue(type);
    }

    /** Shows why the event was not accepted; the form keeps what was typed. */
    void refused(String message) {
        result.setText("");
        problem.setText("Not published: " + message);
    }

    Registration addPublishListener(ComponentEventListener<PublishEvent> listener) {
        return addListener(PublishEvent.class, listener);
    }

    /** Staff asked to publish this event. */
    static final class PublishEvent extends ComponentEvent<PublishForm> {

        private static final long serialVersionUID = 1L;

        final transient EventDraft draft;

        PublishEvent(PublishForm source, EventDraft draft) {
            super(source, false);
            this.draft = draft;
        }
    }
}
