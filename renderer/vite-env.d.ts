/// <reference types="vite/client" />

declare module '*.hallwright?raw' {
  const text: string;
  export default text;
}
