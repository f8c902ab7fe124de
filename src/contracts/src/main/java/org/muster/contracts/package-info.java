/**
 * Event contracts shared by every Muster service: topic names ({@link org.muster.contracts.Topics}),
 * CloudEvents 1.0 Kafka binary-mode headers ({@link org.muster.contracts.CloudEventHeaders}), the
 * event payload records (one sub-package per producing service), the JSON mapper every service uses
 * for event bodies ({@link org.muster.contracts.EventJson}) and the catalog that ties each CloudEvents
 * type to its payload class, topic and JSON Schema ({@link org.muster.contracts.EventCatalog}).
 *
 * <p>Plain Java and Jackson only: no framework dependency, so that every module can use it.
 */
package org.muster.contracts;
