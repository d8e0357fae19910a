// Words of share links, exports, launch parameters and start-up notices (namespace `share`).
export const share = {
  link: {
    errors: {
      empty: 'The link carries no session.',
      tooLong: 'The link is {{chars}} characters long; Ordinal opens links of at most {{max}} characters.',
      damaged: 'The link is damaged or cut short ({{detail}}). Ask for it again and copy it whole.',
      detail: {
        badCharacter: 'it contains characters a share link never has',
        truncated: 'it breaks off before its end',
        corrupt: 'its compressed data does not decode',
        checksum: 'its contents do not match its checksum',
        noChecksum: 'its checksum is missing',
        json: 'it does not unpack to a session',
      },
      tooLarge: 'The shared session unpacks to more than {{max}}; Ordinal opens at most that much.',
      version:
        'The link was made by another version of Ordinal (format {{version}}); this one opens format {{current}}.',
      invalid: 'The shared session is unreadable: {{reason}}.',
      reason: {
        notObject: 'it is not a session',
        seed: 'its seed is not a whole number',
        clock: 'its clock is missing or out of range',
        editorText: 'its editor text is missing',
        actions: 'its actions are missing',
        tooManyActions: 'it has {{actions}} actions, more than {{max}}',
        action: 'action {{index}} is unreadable',
        actionOrder: 'action {{index}} is earlier than the one before it',
        actionTime: 'action {{index}} is later than the end of its timeline',
        actionSize: 'action {{index}} is {{size}}, more than the {{max}} Ordinal applies at once',
        lesson: 'its lesson position is unreadable',
      },
      encodeTooLarge:
        'This session is too large for a link ({{detail}}). Download the script or the manifests instead.',
      encodeDetail: {
        chars: 'the link would be {{chars}} characters, more than {{max}}',
        size: 'it is more than {{max}}',
      },
    },
  },
  launch: {
    unknown: 'Unknown parameter “{{name}}” was ignored.',
    invalid: 'Parameter “{{name}}” was ignored: {{value}} is not {{expected}}.',
    duplicate: 'Parameter “{{name}}” was given more than once; the first value was used.',
    stepWithoutLesson: 'Parameter “step” was ignored: it needs a “lesson”.',
    more: '…and {{count}} more.',
    expected: {
      flag: '1 or 0',
      id: 'an id (lowercase letters, digits and hyphens, at most 40)',
      step: 'a whole number from 0 to {{max}}',
      lang: 'en or zh-CN',
    },
    unknownExample: 'There is no example “{{id}}”; the editor keeps its text.',
    ignored: 'Some of the link’s parameters were ignored. {{problems}}',
  },
  startup: {
    opened: 'A shared session was opened, paused at {{time}}.',
    kept: 'Your own work is kept: “Restore my work” in the header brings it back.',
    notKept:
      'This browser could not set your own work aside (its storage is full or disabled), so the shared session will not be saved here; your own work is untouched and comes back when you reload.',
    exampleOpened: 'The example “{{id}}” is in the editor.',
    exampleNotKept:
      'The example “{{id}}” was not opened: this browser could not set your editor text aside first (its storage is full or disabled).',
    linkFailed: 'The shared link could not be opened. {{reason}}',
    linkFailedOwn: 'Your own work is open instead.',
    replayFailed: 'The shared session could not be rebuilt ({{error}}).',
    restored: 'Your own work is back; the session you had open is kept in this browser.',
    keptMissing:
      'Your kept work is no longer in this browser’s storage (it was removed, perhaps from another tab).',
    keptUnreadable: 'Your kept work could not be read ({{reason}}); it is still stored under “{{key}}”.',
    restoreFailed:
      'Your work could not be brought back: this browser’s storage refused ({{error}}). It is still kept under “{{key}}”.',
  },
  menu: {
    button: 'Share',
    label: 'Share and export',
    copyLink: 'Copy link',
    copied: 'Link copied.',
    copyFallback: 'Copying is not allowed here: select the link below and copy it.',
    linkField: 'Link to this session',
    long: 'This link is {{chars}} characters long: some chat apps and mail programs cut long links.',
    private: 'The session travels inside the link (after the #) and never reaches a server.',
    downloadScript: 'Download script (.sh)',
    downloadManifests: 'Download manifests (.yaml)',
    scriptHint: 'Runs your actions with kubectl against a kind or minikube cluster.',
    nothingApplied: 'Nothing has been applied yet.',
    restore: 'Restore my work',
    restoreHint: 'Go back to your own work; the shared session is kept in its place.',
  },
} as const
