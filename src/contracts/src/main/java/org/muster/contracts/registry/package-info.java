/** Events published by registry: the compacted audience snapshot of nationals. */
package org.muster.contracts.registry;
