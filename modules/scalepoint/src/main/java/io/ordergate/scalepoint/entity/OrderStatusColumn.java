package io.ordergate.scalepoint.entity;

import io.ordergate.scalepoint.boundary.OrderStatus;
import jakarta.persistence.Converter;

/** {@code sp_order.status}. */
@Converter
public class OrderStatusColumn extends LowerCaseColumn<OrderStatus> {

    public OrderStatusColumn() {
        super(OrderStatus.class);
    }
}
