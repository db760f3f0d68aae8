package io.ordergate.scayle.entity;

/** What the first delivery of a webhook stored; a redelivery with other content flags it. */
public interface Delivered {

    /** SCAYLE redelivered this with other content (it still got the first answer). */
    void flagConflict();
}
