package io.stui.server.command;

import java.util.List;
import java.util.Map;

/**
 * What {@code restore_session} reports about a session's live workspace.
 *
 * @param variables      workspace variable names
 * @param selectedObject object id of the inspector selection, or null
 * @param objectRegistry object id to a short description of the object
 */
public record WorkspaceFacts(List<String> variables, String selectedObject, Map<String, String> objectRegistry) {}
