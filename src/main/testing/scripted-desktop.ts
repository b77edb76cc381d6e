import type { ChooseFolderRequest, Desktop, SaveFileRequest } from '../desktop/desktop';

/**
 * Stands in for Electron's dialogs: a test says beforehand what the user will
 * pick (null: the dialog is closed), and reads what the app asked for.
 */
export interface ScriptedDesktop extends Desktop {
  nextSaveFile: string | null;
  nextFolder: string | null;
  readonly saveRequests: SaveFileRequest[];
  readonly folderRequests: ChooseFolderRequest[];
  restarts: number;
  /** What the app put on the clipboard, last first. */
  readonly clipboard: { text: string; html: string }[];
}

/** A restart is only counted: nothing here holds services to start again. */
export function createScriptedDesktop(): ScriptedDesktop {
  const scripted: ScriptedDesktop = {
    nextSaveFile: null,
    nextFolder: null,
    saveRequests: [],
    folderRequests: [],
    restarts: 0,
    clipboard: [],
    chooseSaveFile: async (request) => {
      scripted.saveRequests.push(request);
      return scripted.nextSaveFile;
    },
    chooseFolder: async (request) => {
      scripted.folderRequests.push(request);
      return scripted.nextFolder;
    },
    restart: () => {
      scripted.restarts += 1;
    },
    writeClipboard: (content) => {
      scripted.clipboard.unshift(content);
    },
  };
  return scripted;
}
