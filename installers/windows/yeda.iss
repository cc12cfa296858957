; Inno Setup 6 script: per-user install of the one-folder app built by PyInstaller.
; Build on Windows (see installers/README.md):
;   pyinstaller --noconfirm --clean installers\yeda.spec       -> dist\yeda-desktop\
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installers\windows\yeda.iss
; Output: dist\yeda-desktop-<version>-setup.exe
; No administrator rights are needed: everything goes under the user's own profile.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "YEDA Desktop"
#define AppExe "yeda-desktop.exe"
#define DistDir "..\..\dist\yeda-desktop"

[Setup]
AppId={{5C0B8D3E-7F1A-4E43-9E7B-2D8C4A1F6B90}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=YEDA two-new organizations work committee
VersionInfoVersion={#AppVersion}
; per-user, no UAC prompt: %LOCALAPPDATA%\Programs\YEDA Desktop
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=yeda-desktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\yeda.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; the app must not be running while its files are replaced
CloseApplications=yes

[Languages]
; ChineseSimplified.isl ships with Inno Setup 6.3 and later; with an older version, copy it
; from https://jrsoftware.org/files/istrans/ into the compiler's Languages folder.
Name: "chinesesimp"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimp.DeleteData=是否同时删除您的数据（数据库和备份）？%n%n%1%n%n选择“否”将保留数据，重新安装后可继续使用。
english.DeleteData=Also delete your data (the database and its backups)?%n%n%1%n%nChoose No to keep it; a reinstalled app will find it again.
chinesesimp.SelfTest=运行自检
english.SelfTest=Run the self-test

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\README.md"; DestDir: "{app}"; DestName: "README.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{group}\{cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\yeda.exe"" self-test"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself may leave in its own folder; user data lives elsewhere
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
{ The user's data (%LOCALAPPDATA%\yeda-desktop: database, backups/, keys) is kept on
  uninstall unless the user says yes; a silent uninstall always keeps it. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\yeda-desktop');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]),
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      begin
        DelTree(DataDir, True, True, True);
        { the settings (QSettings): language, officer, last database, window layout }
        RegDeleteKeyIncludingSubkeys(HKCU, 'Software\YEDA\yeda-desktop');
      end;
  end;
end;
