import type { Config } from "tailwindcss";

// Tailwind 4 is configured in CSS; this file holds the theme extensions (loaded by @config).
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { 50: "#eef5ff", 100: "#d9e8ff", 500: "#2f6fde", 600: "#1f5bc4", 700: "#1a4a9e" },
      },
    },
  },
} satisfies Config;
