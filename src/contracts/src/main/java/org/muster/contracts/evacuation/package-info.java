/** Events published by evacuation: flights and their manifest entries, all keyed by flight id. */
package org.muster.contracts.evacuation;
