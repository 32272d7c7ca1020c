-- retext-credibility language server for Neovim, no plugins needed.
--
-- Works on Neovim 0.7 (Debian 12's package: vim.lsp.start_client plus
-- vim.lsp.buf_attach_client) and on 0.8+ (vim.lsp.start).
--
-- Install: copy this file to ~/.config/nvim/lua/retext-credibility.lua, then
-- in init.lua:
--
--   require('retext-credibility').setup()
--
-- or with options (all optional):
--
--   require('retext-credibility').setup({
--     cmd = {'retext-credibility-language-server', '--stdio'},
--     filetypes = {'markdown', 'html', 'text'},
--     settings = {['retext-credibility'] = {requireConfig = true}},
--   })
--
-- Rules live in .retext-credibilityrc(.json|.yml) or the `retext-credibility`
-- key of package.json, as for the CLI; the server picks up changes to them
-- while Neovim runs.

local M = {}

local server_name = 'retext-credibility'
local bin_name = 'retext-credibility-language-server'

-- Files that mark the root of a project, nearest first.
local root_markers = {
  '.retext-credibilityrc',
  '.retext-credibilityrc.json',
  '.retext-credibilityrc.yml',
  '.retext-credibilityrc.yaml',
  'package.json',
  '.git',
}

-- The folder of the nearest root marker above `path`, else the file's own folder.
local function find_root(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local best
  for _, marker in ipairs(root_markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      local folder = vim.fn.fnamemodify(found, ':p:h')
      if marker == '.git' then
        -- finddir gives the .git folder itself; its parent is the root.
        folder = vim.fn.fnamemodify(folder, ':h')
      end
      -- Keep the innermost match (the longest path).
      if not best or #folder > #best then
        best = folder
      end
    end
  end
  return best or dir
end

-- The project's own copy of the server if it has one, else the one on $PATH.
local function default_cmd(root)
  local lcl = root .. '/node_modules/.bin/' .. bin_name
  if vim.fn.executable(lcl) == 1 then
    return { lcl, '--stdio' }
  end
  return { bin_name, '--stdio' }
end

local function config_for(bufnr, opts)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = find_root(path ~= '' and path or vim.fn.getcwd() .. '/untitled')
  return {
    name = server_name,
    cmd = opts.cmd or default_cmd(root),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    -- Neovim answers workspace/configuration with null for sections it has
    -- no settings for; the server treats that as the defaults.
    settings = opts.settings or {},
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
end

-- Neovim 0.7: one client per root folder, started on first use.
local clients = {}

local function attach_07(bufnr, opts)
  local config = config_for(bufnr, opts)
  local id = clients[config.root_dir]
  if not id or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(config)
    if not id then
      return
    end
    clients[config.root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

local function attach(bufnr, opts)
  if vim.bo[bufnr].buftype ~= '' then
    return
  end
  if vim.fn.executable(config_for(bufnr, opts).cmd[1]) ~= 1 then
    if not M.warned then
      M.warned = true
      vim.notify(
        'retext-credibility: cannot find `' .. bin_name .. '`; run `npm install retext-credibility` or pass `cmd` to setup()',
        vim.log.levels.WARN
      )
    end
    return
  end
  if vim.lsp.start then
    -- Neovim 0.8+: vim.lsp.start reuses a client with the same name and root.
    vim.lsp.start(config_for(bufnr, opts), { bufnr = bufnr })
  else
    attach_07(bufnr, opts)
  end
end

--- Start the language server for Markdown, HTML and text buffers.
function M.setup(opts)
  opts = opts or {}
  local filetypes = opts.filetypes or { 'markdown', 'html', 'text' }
  local group = vim.api.nvim_create_augroup('retext_credibility', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = filetypes,
    callback = function(args)
      attach(args.buf, opts)
    end,
  })
  -- Buffers that were opened before setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr, opts)
    end
  end
end

return M
