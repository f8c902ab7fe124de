/** Events published by alerts: advisories and per-recipient delivery requests. */
package org.muster.contracts.alerts;
