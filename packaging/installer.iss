; Inno Setup script for the Windows installer (per-user install, no admin rights needed:
; municipal laptops rarely grant them). Build after PyInstaller:
;   pyinstaller packaging/prioritise.spec
;   iscc /DMyAppVersion=0.1.0 packaging/installer.iss
#ifndef MyAppVersion
  #define MyAppVersion "0.1.0"
#endif
[Setup]
AppName=Prioritise
AppVersion={#MyAppVersion}
AppPublisher=Prioritise
DefaultDirName={localappdata}\Programs\Prioritise
DefaultGroupName=Prioritise
PrivilegesRequired=lowest
OutputBaseFilename=Prioritise-{#MyAppVersion}-setup
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\Prioritise-{#MyAppVersion}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Prioritise"; Filename: "{app}\Prioritise.exe"
Name: "{userdesktop}\Prioritise"; Filename: "{app}\Prioritise.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
; .portfolio files open in Prioritise
Root: HKCU; Subkey: "Software\Classes\.portfolio"; ValueType: string; ValueData: "Prioritise.Portfolio"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Prioritise.Portfolio\shell\open\command"; ValueType: string; ValueData: """{app}\Prioritise.exe"" gui ""%1"""; Flags: uninsdeletekey
