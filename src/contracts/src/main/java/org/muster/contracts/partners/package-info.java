/** Events published by partners: seat requests from partner embassies. */
package org.muster.contracts.partners;
