/**
 * Enumerations shared by events and by the services' own models. Constants are serialized by name;
 * adding a constant is a breaking change for consumers and needs a new version of the event types
 * that carry it.
 */
package org.muster.contracts.common;
