; Inno Setup 6 script: a per-user Windows installer for the one-folder SmileDesk build.
;
;   1. make package            (on Windows: .venv\Scripts\pyinstaller packaging\smiledesk.spec)
;   2. iscc packaging\windows\smiledesk.iss      -> dist\installer\SmileDesk-<version>-setup.exe
;
; Installs into the user's own Programs folder, so front-desk staff need no administrator rights.
; Start menu entries for the desk, the kiosk and the smile wall; optional desktop icon; optional
; "start the kiosk when this user signs in to Windows" for a self-service kiosk PC.
; Simplified Chinese wizard texts: put ChineseSimplified.isl (Inno Setup's translations page,
; https://jrsoftware.org/files/istrans/) next to this script; without it the installer is English only.

#define AppName "SmileDesk"
#define AppNameZh "微笑驿站"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; Paths are relative to this script (packaging\windows\).
#define RepoRoot "..\.."
#define Bundle RepoRoot + "\dist\SmileDesk"
#define HaveChinese FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")

[Setup]
; Keep this AppId for every release: upgrades replace the same installation.
AppId={{6F1C2B0E-5D53-4C2A-9E0B-3A8C7E51D4A2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SmileDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#RepoRoot}\dist\installer
OutputBaseFilename=SmileDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\SmileDesk.exe
UninstallDisplayName={#AppName} {#AppVersion}
CloseApplications=yes

[Languages]
#if HaveChinese
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.DeskName=SmileDesk
en.KioskName=SmileDesk kiosk
en.WallName=SmileDesk smile wall
en.KioskAutostart=Start the self-service kiosk when this user signs in to Windows (kiosk PCs only)
en.KioskGroup=Kiosk:
#if HaveChinese
zh_CN.DeskName=微笑驿站
zh_CN.KioskName=微笑驿站 自助服务机
zh_CN.WallName=微笑驿站 笑脸墙
zh_CN.KioskAutostart=此用户登录 Windows 后自动打开自助服务机（仅自助机电脑）
zh_CN.KioskGroup=自助机：
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "kioskautostart"; Description: "{cm:KioskAutostart}"; GroupDescription: "{cm:KioskGroup}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:DeskName}"; Filename: "{app}\SmileDesk.exe"
Name: "{group}\{cm:KioskName}"; Filename: "{app}\SmileDesk.exe"; Parameters: "--kiosk"
Name: "{group}\{cm:WallName}"; Filename: "{app}\SmileDesk.exe"; Parameters: "--wall"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:DeskName}"; Filename: "{app}\SmileDesk.exe"; Tasks: desktopicon
Name: "{userstartup}\{cm:KioskName}"; Filename: "{app}\SmileDesk.exe"; Parameters: "--kiosk"; Tasks: kioskautostart

[Run]
Filename: "{app}\SmileDesk.exe"; Description: "{cm:LaunchProgram,{cm:DeskName}}"; Flags: nowait postinstall skipifsilent

; The database, backups, logs and settings live in the user's data folder (%LOCALAPPDATA%\SmileDesk):
; uninstalling never deletes them.
