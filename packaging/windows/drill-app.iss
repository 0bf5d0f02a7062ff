; Inno Setup 6 script: the Windows installer of the PyInstaller bundle.
;
;   python tools\dev.py package
;   iscc /DAppVersion=0.1.0 packaging\windows\drill-app.iss
;   -> dist\drill-app-0.1.0-setup.exe   (built by .github/workflows/package.yml)
;
; Per-user install by default (no administrator rights: into %LOCALAPPDATA%\Programs),
; with the choice of all users when the person has the rights.  A Start-menu entry
; starts the windowed drill-app-gui.exe; drill-app.exe is the console command.
; The uninstaller removes only what was installed: the archive (the database in
; %LOCALAPPDATA%\drill-app) and the settings stay.
; Not testable on the project's Linux machines: see README "Installing".

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (drill_app/__init__.py is its one source)
#endif

[Setup]
AppId={{6E0C4E0B-2D55-4C53-9C5E-0D6A3B1F4A21}
AppName=drill-app
AppVerName=drill-app {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=drill-app
VersionInfoVersion={#AppVersion}
VersionInfoDescription=drill-app installer
DefaultDirName={autopf}\drill-app
DefaultGroupName=drill-app
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=drill-app-{#AppVersion}-setup
SetupIconFile=..\..\assets\icons\drill-app.ico
UninstallDisplayIcon={app}\drill-app-gui.exe
UninstallDisplayName=drill-app {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; The Simplified Chinese wizard text is an unofficial Inno Setup translation: the CI
; workflow downloads it beside this script when it can (then /DWithChinese).
#ifdef WithChinese
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\drill-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\drill-app"; Filename: "{app}\drill-app-gui.exe"; Comment: "Run and score emergency drills"
Name: "{autodesktop}\drill-app"; Filename: "{app}\drill-app-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\drill-app-gui.exe"; Description: "{cm:LaunchProgram,drill-app}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the user's archive and settings are not the program's files.
