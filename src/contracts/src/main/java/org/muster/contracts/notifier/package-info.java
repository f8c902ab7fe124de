/** Events published by notifier on {@link org.muster.contracts.Topics#DELIVERY_EVENTS}. */
package org.muster.contracts.notifier;
