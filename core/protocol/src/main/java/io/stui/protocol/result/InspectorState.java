package io.stui.protocol.result;

/**
 * The inspector selection of a session.
 *
 * @param selectedObject object id of the last inspected object, or null
 */
public record InspectorState(String selectedObject) {}
